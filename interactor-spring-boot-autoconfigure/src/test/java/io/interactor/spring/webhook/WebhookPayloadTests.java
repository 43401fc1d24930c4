package io.interactor.spring.webhook;

import java.util.HashSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog constants and the typed payloads against the documented {@code data} examples.
 */
class WebhookPayloadTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void catalogHasTheFifteenDocumentedTypes() {
		assertThat(InteractorEvents.CATALOG).hasSize(15);
		assertThat(new HashSet<>(InteractorEvents.CATALOG)).hasSize(15);
		assertThat(InteractorEvents.CATALOG).contains("credential.connected", "room.tool_call.pending",
				"workflow.instance.state_changed", "workflow.instance.cancelled");
	}

	@Test
	void credentialConnected() {
		CredentialEventData data = this.mapper.readValue("""
				{"credential_id":"cred_1","provider":"google","service_id":"gmail","scopes":["email","profile"],
				"metadata":{"email":"a@example.com"},"new_field":true}""", CredentialEventData.class);
		assertThat(data.credentialId()).isEqualTo("cred_1");
		assertThat(data.provider()).isEqualTo("google");
		assertThat(data.serviceId()).isEqualTo("gmail");
		assertThat(data.scopes()).containsExactly("email", "profile");
		assertThat(data.metadata()).containsEntry("email", "a@example.com");
	}

	@Test
	void roomToolCallPending() {
		RoomToolCallData data = this.mapper.readValue("""
				{"tool_call_id":"tc_1","room_id":"room_1","tool_id":"tool_1","tool_name":"lookup",
				"arguments":{"query":"x","limit":3}}""", RoomToolCallData.class);
		assertThat(data.toolCallId()).isEqualTo("tc_1");
		assertThat(data.toolName()).isEqualTo("lookup");
		assertThat(data.arguments()).containsEntry("limit", 3);
	}

	@Test
	void roomMessageCreated() {
		RoomMessageData data = this.mapper.readValue("""
				{"message_id":"msg_1","room_id":"room_1","role":"assistant","content":"Hello","tool_calls":null}""",
				RoomMessageData.class);
		assertThat(data.messageId()).isEqualTo("msg_1");
		assertThat(data.role()).isEqualTo("assistant");
		assertThat(data.content()).isEqualTo("Hello");
	}

	@Test
	void workflowInstanceHalted() {
		WorkflowInstanceData data = this.mapper.readValue("""
				{"instance_id":"wi_1","workflow_id":"wf_1","current_state":"approval","context":{"amount":10},
				"presentation":{"type":"form","title":"Approve","description":"Please approve",
				"fields":[{"name":"approved","type":"boolean","label":"Approve?","required":true}]}}""",
				WorkflowInstanceData.class);
		assertThat(data.workflowId()).isEqualTo("wf_1");
		assertThat(data.currentState()).isEqualTo("approval");
		assertThat(data.context()).containsEntry("amount", 10);
		assertThat(data.presentation().title()).isEqualTo("Approve");
		assertThat(data.presentation().fields()).singleElement().satisfies((field) -> {
			assertThat(field.name()).isEqualTo("approved");
			assertThat(field.required()).isTrue();
		});
	}

	@Test
	void eventToStringHidesThePayload() {
		WebhookEvent<String> event = new WebhookEvent<>("evt_1", "room.message.created", null, "idem_1", "ns",
				"private words", tools.jackson.databind.node.MissingNode.getInstance(),
				"private words".getBytes(java.nio.charset.StandardCharsets.UTF_8),
				new org.springframework.http.HttpHeaders());
		assertThat(event.toString()).contains("evt_1").doesNotContain("private words");
	}

}
