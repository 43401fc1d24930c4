package io.interactor.spring.client.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.core.Page;
import io.interactor.spring.test.PeerRequests;
import io.interactor.spring.test.ReceivedRequests;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import static io.interactor.spring.test.PeerRequests.blockingClient;
import static io.interactor.spring.test.PeerRequests.json;
import static io.interactor.spring.test.PeerRequests.reactiveClient;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Core API endpoint of every resource group, on both clients, against a real HTTP peer: method, path, query,
 * {@code X-Namespace}, {@code Idempotency-Key} where due, request body and response mapping. Responses carry
 * fields this client does not know, which must be ignored.
 */
class ResourceEndpointsTest {

	private static final String NS = "user_123";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private MockWebServer server;

	private ReceivedRequests received;

	@BeforeEach
	void start() throws Exception {
		this.server = PeerRequests.start(PeerRequests.notFound());
		this.received = new ReceivedRequests(this.server);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@ParameterizedTest(name = "{0} via {1} client")
	@MethodSource("endpoints")
	void endpointIsCalledAndMapped(Endpoint endpoint, String clientKind) {
		String path = endpoint.target().contains("?") ? endpoint.target().substring(0, endpoint.target().indexOf('?'))
				: endpoint.target();
		this.server.enqueue(json(endpoint.status(), endpoint.responseBody()));
		Object result = clientKind.equals("reactive") ? endpoint.reactive().apply(reactiveClient(this.server)).block()
				: endpoint.blocking().apply(blockingClient(this.server));
		assertThat(this.received.all()).hasSize(1);
		RecordedRequest request = this.received.all().get(0);
		assertThat(request.getMethod()).isEqualTo(endpoint.method());
		assertThat(request.getTarget()).isEqualTo("/api/v1" + endpoint.target());
		assertThat(request.getHeaders().get("X-Namespace")).isEqualTo(NS);
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
		if (endpoint.generatedKey()) {
			assertThat(request.getHeaders().get("Idempotency-Key")).isNotBlank().hasSize(36);
		}
		else {
			assertThat(request.getHeaders().get("Idempotency-Key")).isNull();
		}
		if (endpoint.requestBody() != null) {
			assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
			assertThat(MAPPER.readTree(request.getBody().utf8())).isEqualTo(MAPPER.readTree(endpoint.requestBody()));
		}
		else {
			assertThat(request.getBodySize()).isZero();
		}
		endpoint.check().accept(result);
	}

	static Stream<Arguments> endpoints() {
		List<Endpoint> all = new ArrayList<>();
		all.addAll(credentials());
		all.addAll(oauth());
		all.addAll(assistants());
		all.addAll(rooms());
		all.addAll(tools());
		all.addAll(dataSources());
		all.addAll(workflows());
		all.addAll(workflowInstances());
		all.addAll(webhooks());
		return all.stream()
			.flatMap((endpoint) -> Stream.of(Arguments.of(endpoint, "reactive"), Arguments.of(endpoint, "blocking")));
	}

	private static List<Endpoint> credentials() {
		String credential = """
				{"data":{"id":"cred_1","provider":"google","status":"active","scopes":["calendar"],
				"expires_at":"2026-01-01T00:00:00Z","future_field":{"x":1}}}""";
		Consumer<Object> isCredential = (r) -> {
			assertThat(((Credential) r).id()).isEqualTo("cred_1");
			assertThat(((Credential) r).status()).isEqualTo(CredentialStatus.ACTIVE);
		};
		CredentialFilter filter = new CredentialFilter("google", CredentialStatus.ACTIVE);
		return List.of(
				get("credentials().list", "/credentials?provider=google&status=active&page=2&per_page=10",
						"{\"data\":[{\"id\":\"cred_1\",\"status\":\"expired\"}],\"meta\":{\"page\":2,\"total_pages\":2}}",
						(c) -> c.credentials().list(NS, filter, ListParams.of(2, 10)),
						(c) -> c.credentials().list(NS, filter, ListParams.of(2, 10)), (r) -> {
							Page<?> page = (Page<?>) r;
							assertThat(((Credential) page.data().get(0)).status()).isEqualTo(CredentialStatus.EXPIRED);
							assertThat(page.hasNext()).isFalse();
						}),
				get("credentials().get", "/credentials/cred_1", credential, (c) -> c.credentials().get(NS, "cred_1"),
						(c) -> c.credentials().get(NS, "cred_1"), isCredential),
				get("credentials().token", "/credentials/cred_1/token",
						"{\"data\":{\"access_token\":\"ya29\",\"token_type\":\"Bearer\",\"expires_in\":3599}}",
						(c) -> c.credentials().token(NS, "cred_1"), (c) -> c.credentials().token(NS, "cred_1"), (r) -> {
							assertThat(((CredentialToken) r).accessToken()).isEqualTo("ya29");
							assertThat(r.toString()).doesNotContain("ya29");
						}),
				post("credentials().refresh", "/credentials/cred_1/refresh", false, "{}", credential,
						(c) -> c.credentials().refresh(NS, "cred_1"), (c) -> c.credentials().refresh(NS, "cred_1"),
						isCredential),
				delete("credentials().revoke", "/credentials/cred_1", (c) -> c.credentials().revoke(NS, "cred_1"),
						(c) -> c.credentials().revoke(NS, "cred_1")));
	}

	private static List<Endpoint> oauth() {
		InitiateOAuthRequest initiate = InitiateOAuthRequest.forProvider("google", List.of("calendar.readonly"),
				"https://app.example.com/cb");
		CompleteOAuthRequest complete = new CompleteOAuthRequest("google", "code-1", "state-1");
		return List.of(
				post("oauth().initiate", "/oauth/initiate", false,
						"{\"provider\":\"google\",\"scopes\":[\"calendar.readonly\"],\"redirect_uri\":\"https://app.example.com/cb\"}",
						"{\"data\":{\"authorization_url\":\"https://accounts.example.com/o\",\"state\":\"s\",\"flow_id\":\"flow_1\",\"new\":true}}",
						(c) -> c.oauth().initiate(NS, initiate), (c) -> c.oauth().initiate(NS, initiate),
						(r) -> assertThat(((OAuthFlow) r).flowId()).isEqualTo("flow_1")),
				post("oauth().complete", "/oauth/callback", false,
						"{\"provider\":\"google\",\"code\":\"code-1\",\"state\":\"state-1\"}",
						"{\"data\":{\"id\":\"cred_9\",\"status\":\"active\"}}", (c) -> c.oauth().complete(NS, complete),
						(c) -> c.oauth().complete(NS, complete),
						(r) -> assertThat(((Credential) r).id()).isEqualTo("cred_9")),
				get("oauth().status", "/oauth/status/flow_1",
						"{\"data\":{\"flow_id\":\"flow_1\",\"status\":\"awaiting_callback\"}}",
						(c) -> c.oauth().status(NS, "flow_1"), (c) -> c.oauth().status(NS, "flow_1"),
						(r) -> assertThat(((OAuthFlowStatus) r).state()).isEqualTo(OAuthFlowState.AWAITING_CALLBACK)));
	}

	private static List<Endpoint> assistants() {
		String assistant = "{\"data\":{\"id\":\"asst_1\",\"name\":\"helper\",\"model\":\"gpt-4o\",\"unknown\":[1]}}";
		Consumer<Object> isAssistant = (r) -> assertThat(((Assistant) r).id()).isEqualTo("asst_1");
		CreateAssistantRequest create = CreateAssistantRequest.of("helper", "gpt-4o", "Be kind");
		UpdateAssistantRequest update = UpdateAssistantRequest.builder().temperature(0.2).build();
		return List.of(
				post("assistants().create", "/assistants", true,
						"{\"name\":\"helper\",\"model\":\"gpt-4o\",\"system_prompt\":\"Be kind\"}", assistant,
						(c) -> c.assistants().create(NS, create), (c) -> c.assistants().create(NS, create),
						isAssistant),
				get("assistants().get", "/assistants/asst_1", assistant, (c) -> c.assistants().get(NS, "asst_1"),
						(c) -> c.assistants().get(NS, "asst_1"), isAssistant),
				get("assistants().list", "/assistants", "{\"data\":[{\"id\":\"asst_1\"}]}",
						(c) -> c.assistants().list(NS), (c) -> c.assistants().list(NS), hasFirstId("asst_1")),
				patch("assistants().update", "/assistants/asst_1", "{\"temperature\":0.2}", assistant,
						(c) -> c.assistants().update(NS, "asst_1", update),
						(c) -> c.assistants().update(NS, "asst_1", update), isAssistant),
				delete("assistants().delete", "/assistants/asst_1", (c) -> c.assistants().delete(NS, "asst_1"),
						(c) -> c.assistants().delete(NS, "asst_1")));
	}

	private static List<Endpoint> rooms() {
		String room = "{\"data\":{\"id\":\"room_1\",\"assistant_id\":\"asst_1\",\"metadata\":{\"k\":\"v\"},\"x\":0}}";
		String message = "{\"data\":{\"id\":\"msg_1\",\"role\":\"user\",\"content\":\"hi\",\"tool_calls\":[{\"id\":\"tc_1\",\"tool_id\":\"tool_1\",\"arguments\":{\"q\":1},\"extra\":1}]}}";
		Consumer<Object> isRoom = (r) -> assertThat(((Room) r).assistantId()).isEqualTo("asst_1");
		Consumer<Object> isMessage = (r) -> {
			assertThat(((Message) r).id()).isEqualTo("msg_1");
			assertThat(((Message) r).toolCalls()).extracting(ToolCall::id).containsExactly("tc_1");
		};
		CreateRoomRequest create = new CreateRoomRequest("asst_1", Map.of("k", "v"));
		UpdateRoomRequest update = new UpdateRoomRequest(Map.of("k", "w"));
		SendMessageRequest send = SendMessageRequest.of("hi").withStream(true);
		MessageListParams messages = new MessageListParams(null, null, MessageOrder.DESC, 20, "c1");
		SubmitToolResultRequest toolResult = new SubmitToolResultRequest("tc_1", Map.of("temp", 21));
		return List.of(
				post("rooms().create", "/rooms", true, "{\"assistant_id\":\"asst_1\",\"metadata\":{\"k\":\"v\"}}",
						room, (c) -> c.rooms().create(NS, create), (c) -> c.rooms().create(NS, create), isRoom),
				get("rooms().get", "/rooms/room_1", room, (c) -> c.rooms().get(NS, "room_1"),
						(c) -> c.rooms().get(NS, "room_1"), isRoom),
				get("rooms().list", "/rooms?assistant_id=asst_1&page=1&per_page=5",
						"{\"data\":{\"rooms\":[{\"id\":\"room_1\"}]}}",
						(c) -> c.rooms().list(NS, RoomFilter.assistant("asst_1"), ListParams.of(1, 5)),
						(c) -> c.rooms().list(NS, RoomFilter.assistant("asst_1"), ListParams.of(1, 5)),
						hasFirstId("room_1")),
				patch("rooms().update", "/rooms/room_1", "{\"metadata\":{\"k\":\"w\"}}", room,
						(c) -> c.rooms().update(NS, "room_1", update), (c) -> c.rooms().update(NS, "room_1", update),
						isRoom),
				delete("rooms().delete", "/rooms/room_1", (c) -> c.rooms().delete(NS, "room_1"),
						(c) -> c.rooms().delete(NS, "room_1")),
				post("rooms().sendMessage", "/rooms/room_1/messages", true, "{\"content\":\"hi\",\"stream\":true}",
						message, (c) -> c.rooms().sendMessage(NS, "room_1", send),
						(c) -> c.rooms().sendMessage(NS, "room_1", send), isMessage),
				get("rooms().listMessages", "/rooms/room_1/messages?order=desc&limit=20&cursor=c1",
						"{\"data\":{\"messages\":[{\"id\":\"msg_1\"}],\"has_more\":true,\"next_cursor\":\"c2\"}}",
						(c) -> c.rooms().listMessages(NS, "room_1", messages),
						(c) -> c.rooms().listMessages(NS, "room_1", messages), (r) -> {
							assertThat(((Page<?>) r).meta().nextCursor()).isEqualTo("c2");
							hasFirstId("msg_1").accept(r);
						}),
				post("rooms().submitToolResult", "/rooms/room_1/tool-results", false,
						"{\"tool_call_id\":\"tc_1\",\"result\":{\"temp\":21}}", message,
						(c) -> c.rooms().submitToolResult(NS, "room_1", toolResult),
						(c) -> c.rooms().submitToolResult(NS, "room_1", toolResult), isMessage));
	}

	private static List<Endpoint> tools() {
		String tool = "{\"data\":{\"id\":\"tool_1\",\"name\":\"weather\",\"parameters\":{\"type\":\"object\"},\"y\":2}}";
		Consumer<Object> isTool = (r) -> assertThat(((Tool) r).parameters().get("type").asString()).isEqualTo("object");
		CreateToolRequest create = CreateToolRequest.of("weather", "Gets weather", Map.of("type", "object"));
		UpdateToolRequest update = new UpdateToolRequest(null, "New text", null, null, null);
		return List.of(
				post("tools().create", "/tools", false,
						"{\"name\":\"weather\",\"description\":\"Gets weather\",\"parameters\":{\"type\":\"object\"}}",
						tool, (c) -> c.tools().create(NS, create), (c) -> c.tools().create(NS, create), isTool),
				get("tools().get", "/tools/tool_1", tool, (c) -> c.tools().get(NS, "tool_1"),
						(c) -> c.tools().get(NS, "tool_1"), isTool),
				get("tools().list", "/tools?page=3", "{\"data\":[{\"id\":\"tool_1\"}],\"meta\":{\"current_page\":3}}",
						(c) -> c.tools().list(NS, ListParams.page(3)), (c) -> c.tools().list(NS, ListParams.page(3)),
						hasFirstId("tool_1")),
				patch("tools().update", "/tools/tool_1", "{\"description\":\"New text\"}", tool,
						(c) -> c.tools().update(NS, "tool_1", update), (c) -> c.tools().update(NS, "tool_1", update),
						isTool),
				delete("tools().delete", "/tools/tool_1", (c) -> c.tools().delete(NS, "tool_1"),
						(c) -> c.tools().delete(NS, "tool_1")));
	}

	private static List<Endpoint> dataSources() {
		String dataSource = "{\"data\":{\"id\":\"ds_1\",\"type\":\"database\",\"semantic_mappings\":[{\"field\":\"t.c\",\"description\":\"d\"}]}}";
		Consumer<Object> isDataSource = (r) -> assertThat(((DataSource) r).semanticMappings())
			.extracting(SemanticMapping::field)
			.containsExactly("t.c");
		CreateDataSourceRequest create = new CreateDataSourceRequest("orders", "database", Map.of("host", "db"),
				List.of(new SemanticMapping("t.c", "d", null)), null);
		UpdateDataSourceRequest update = new UpdateDataSourceRequest("renamed", null, null, null);
		return List.of(
				post("dataSources().create", "/data-sources", false,
						"{\"name\":\"orders\",\"type\":\"database\",\"config\":{\"host\":\"db\"},\"semantic_mappings\":[{\"field\":\"t.c\",\"description\":\"d\"}]}",
						dataSource, (c) -> c.dataSources().create(NS, create),
						(c) -> c.dataSources().create(NS, create), isDataSource),
				get("dataSources().get", "/data-sources/ds_1", dataSource, (c) -> c.dataSources().get(NS, "ds_1"),
						(c) -> c.dataSources().get(NS, "ds_1"), isDataSource),
				get("dataSources().list", "/data-sources?type=database",
						"{\"data\":{\"data_sources\":[{\"id\":\"ds_1\"}]}}",
						(c) -> c.dataSources().list(NS, DataSourceFilter.type("database"), ListParams.defaults()),
						(c) -> c.dataSources().list(NS, DataSourceFilter.type("database"), ListParams.defaults()),
						hasFirstId("ds_1")),
				patch("dataSources().update", "/data-sources/ds_1", "{\"name\":\"renamed\"}", dataSource,
						(c) -> c.dataSources().update(NS, "ds_1", update),
						(c) -> c.dataSources().update(NS, "ds_1", update), isDataSource),
				delete("dataSources().delete", "/data-sources/ds_1", (c) -> c.dataSources().delete(NS, "ds_1"),
						(c) -> c.dataSources().delete(NS, "ds_1")),
				new Endpoint("dataSources().sync", "POST", "/data-sources/ds_1/sync", false, "{}", 202, "",
						(c) -> c.dataSources().sync(NS, "ds_1"), (c) -> {
							c.dataSources().sync(NS, "ds_1");
							return null;
						}, (r) -> assertThat(r).isNull()));
	}

	private static List<Endpoint> workflows() {
		String workflow = "{\"data\":{\"id\":\"wf_1\",\"name\":\"approval\",\"initial_state\":\"start\",\"states\":[{\"name\":\"start\"}]}}";
		Consumer<Object> isWorkflow = (r) -> assertThat(((Workflow) r).states().get(0).get("name").asString())
			.isEqualTo("start");
		CreateWorkflowRequest create = CreateWorkflowRequest.of("approval", List.of(Map.of("name", "start")), "start");
		var definition = MAPPER.readTree("{\"name\":\"approval\",\"ai_guidance\":\"be brief\"}");
		return List.of(
				post("workflows().create", "/workflows", false,
						"{\"name\":\"approval\",\"states\":[{\"name\":\"start\"}],\"initial_state\":\"start\"}",
						workflow, (c) -> c.workflows().create(NS, create), (c) -> c.workflows().create(NS, create),
						isWorkflow),
				post("workflows().create(JsonNode)", "/workflows", false, definition.toString(), workflow,
						(c) -> c.workflows().create(NS, definition, io.interactor.spring.client.core.RequestOptions.none()),
						(c) -> c.workflows().create(NS, definition, io.interactor.spring.client.core.RequestOptions.none()),
						isWorkflow),
				get("workflows().get", "/workflows/wf_1", workflow, (c) -> c.workflows().get(NS, "wf_1"),
						(c) -> c.workflows().get(NS, "wf_1"), isWorkflow),
				get("workflows().list", "/workflows", "{\"data\":[{\"id\":\"wf_1\"}]}", (c) -> c.workflows().list(NS),
						(c) -> c.workflows().list(NS), hasFirstId("wf_1")),
				delete("workflows().delete", "/workflows/wf_1", (c) -> c.workflows().delete(NS, "wf_1"),
						(c) -> c.workflows().delete(NS, "wf_1")));
	}

	private static List<Endpoint> workflowInstances() {
		String instance = "{\"data\":{\"id\":\"wfi_1\",\"workflow_id\":\"wf_1\",\"status\":\"halted\",\"current_state\":\"review\",\"context\":{\"a\":1}}}";
		Consumer<Object> isInstance = (r) -> assertThat(((WorkflowInstance) r).status())
			.isEqualTo(WorkflowInstanceStatus.HALTED);
		StartWorkflowRequest start = StartWorkflowRequest.of("wf_1", Map.of("order", 7));
		WorkflowInstanceFilter filter = WorkflowInstanceFilter.workflow("wf_1")
			.withStatus(WorkflowInstanceStatus.CANCELLED);
		TriggerEventRequest event = TriggerEventRequest.of("approve");
		ThreadMessageRequest threadMessage = new ThreadMessageRequest("hello");
		return List.of(
				post("workflowInstances().start", "/workflow-instances", true,
						"{\"workflow_id\":\"wf_1\",\"context\":{\"order\":7}}", instance,
						(c) -> c.workflowInstances().start(NS, start), (c) -> c.workflowInstances().start(NS, start),
						isInstance),
				get("workflowInstances().get", "/workflow-instances/wfi_1", instance,
						(c) -> c.workflowInstances().get(NS, "wfi_1"), (c) -> c.workflowInstances().get(NS, "wfi_1"),
						isInstance),
				get("workflowInstances().list", "/workflow-instances?workflow_id=wf_1&status=cancelled",
						"{\"data\":[{\"id\":\"wfi_1\",\"status\":\"cancelled\"}],\"meta\":{\"has_more\":false}}",
						(c) -> c.workflowInstances().list(NS, filter, ListParams.defaults()),
						(c) -> c.workflowInstances().list(NS, filter, ListParams.defaults()), (r) -> assertThat(
								((WorkflowInstance) ((Page<?>) r).data().get(0)).status().isTerminal())
							.isTrue()),
				post("workflowInstances().submitInput", "/workflow-instances/wfi_1/input", true,
						"{\"approved\":true}", instance,
						(c) -> c.workflowInstances().submitInput(NS, "wfi_1", Map.of("approved", true)),
						(c) -> c.workflowInstances().submitInput(NS, "wfi_1", Map.of("approved", true)), isInstance),
				post("workflowInstances().triggerEvent", "/workflow-instances/wfi_1/events", false,
						"{\"event\":\"approve\",\"payload\":{}}", instance,
						(c) -> c.workflowInstances().triggerEvent(NS, "wfi_1", event),
						(c) -> c.workflowInstances().triggerEvent(NS, "wfi_1", event), isInstance),
				new Endpoint("workflowInstances().cancel", "POST", "/workflow-instances/wfi_1/cancel", false, "{}",
						200, "{\"data\":{\"id\":\"wfi_1\",\"status\":\"cancelled\"}}",
						(c) -> c.workflowInstances().cancel(NS, "wfi_1"), (c) -> {
							c.workflowInstances().cancel(NS, "wfi_1");
							return null;
						}, (r) -> assertThat(r).isNull()),
				get("workflowInstances().thread", "/workflow-instances/wfi_1/thread",
						"{\"data\":{\"id\":\"thread_1\",\"messages\":[{\"id\":\"m1\",\"role\":\"workflow\",\"content\":\"ok\"}]}}",
						(c) -> c.workflowInstances().thread(NS, "wfi_1"),
						(c) -> c.workflowInstances().thread(NS, "wfi_1"),
						(r) -> assertThat(((WorkflowThread) r).messages()).extracting(ThreadMessage::role)
							.containsExactly("workflow")),
				post("workflowInstances().sendThreadMessage", "/workflow-instances/wfi_1/thread/messages", false,
						"{\"content\":\"hello\"}", "{\"data\":{\"id\":\"m2\",\"role\":\"user\",\"content\":\"hello\"}}",
						(c) -> c.workflowInstances().sendThreadMessage(NS, "wfi_1", threadMessage),
						(c) -> c.workflowInstances().sendThreadMessage(NS, "wfi_1", threadMessage),
						(r) -> assertThat(((ThreadMessage) r).id()).isEqualTo("m2")));
	}

	private static List<Endpoint> webhooks() {
		String webhook = "{\"data\":{\"id\":\"wh_1\",\"url\":\"https://app.example.com/hook\",\"events\":[\"room.message.created\"],\"active\":true,\"secret\":\"whsec_1\"}}";
		Consumer<Object> isWebhook = (r) -> {
			assertThat(((Webhook) r).active()).isTrue();
			assertThat(r.toString()).doesNotContain("whsec_1");
		};
		CreateWebhookRequest create = CreateWebhookRequest.of("https://app.example.com/hook",
				List.of("room.message.created"));
		UpdateWebhookRequest update = UpdateWebhookRequest.active(false);
		return List.of(
				post("webhooks().create", "/webhooks", true,
						"{\"url\":\"https://app.example.com/hook\",\"events\":[\"room.message.created\"],\"active\":true,\"enabled\":true}",
						webhook, (c) -> c.webhooks().create(NS, create), (c) -> c.webhooks().create(NS, create),
						isWebhook),
				get("webhooks().get", "/webhooks/wh_1",
						"{\"data\":{\"id\":\"wh_1\",\"event_types\":[\"workflow.*\"],\"enabled\":true}}",
						(c) -> c.webhooks().get(NS, "wh_1"), (c) -> c.webhooks().get(NS, "wh_1"), (r) -> {
							assertThat(((Webhook) r).events()).containsExactly("workflow.*");
							assertThat(((Webhook) r).active()).isTrue();
						}),
				get("webhooks().list", "/webhooks", "{\"data\":[{\"id\":\"wh_1\"}]}", (c) -> c.webhooks().list(NS),
						(c) -> c.webhooks().list(NS), hasFirstId("wh_1")),
				patch("webhooks().update", "/webhooks/wh_1", "{\"active\":false,\"enabled\":false}", webhook,
						(c) -> c.webhooks().update(NS, "wh_1", update), (c) -> c.webhooks().update(NS, "wh_1", update),
						isWebhook),
				delete("webhooks().delete", "/webhooks/wh_1", (c) -> c.webhooks().delete(NS, "wh_1"),
						(c) -> c.webhooks().delete(NS, "wh_1")),
				post("webhooks().rotateSecret", "/webhooks/wh_1/rotate-secret", false, "{}", webhook,
						(c) -> c.webhooks().rotateSecret(NS, "wh_1"), (c) -> c.webhooks().rotateSecret(NS, "wh_1"),
						(r) -> assertThat(((Webhook) r).secret()).isEqualTo("whsec_1")));
	}

	private static Consumer<Object> hasFirstId(String id) {
		return (r) -> assertThat(((Page<?>) r).data().get(0).toString()).contains("id=" + id);
	}

	private static Endpoint get(String name, String target, String response,
			Function<ReactiveInteractorClient, Mono<?>> reactive, Function<InteractorClient, Object> blocking,
			Consumer<Object> check) {
		return new Endpoint(name, "GET", target, false, null, 200, response, reactive, blocking, check);
	}

	private static Endpoint post(String name, String target, boolean generatedKey, String body, String response,
			Function<ReactiveInteractorClient, Mono<?>> reactive, Function<InteractorClient, Object> blocking,
			Consumer<Object> check) {
		return new Endpoint(name, "POST", target, generatedKey, body, 200, response, reactive, blocking, check);
	}

	private static Endpoint patch(String name, String target, String body, String response,
			Function<ReactiveInteractorClient, Mono<?>> reactive, Function<InteractorClient, Object> blocking,
			Consumer<Object> check) {
		return new Endpoint(name, "PATCH", target, false, body, 200, response, reactive, blocking, check);
	}

	private static Endpoint delete(String name, String target, Function<ReactiveInteractorClient, Mono<?>> reactive,
			Consumer<InteractorClient> blocking) {
		return new Endpoint(name, "DELETE", target, false, null, 204, "", reactive, (c) -> {
			blocking.accept(c);
			return null;
		}, (r) -> assertThat(r).isNull());
	}

	record Endpoint(String name, String method, String target, boolean generatedKey, @Nullable String requestBody,
			int status, String responseBody, Function<ReactiveInteractorClient, Mono<?>> reactive,
			Function<InteractorClient, @Nullable Object> blocking, Consumer<@Nullable Object> check) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
