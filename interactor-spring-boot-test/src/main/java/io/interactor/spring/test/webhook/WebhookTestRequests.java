package io.interactor.spring.test.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.WebhookSigner;

import org.springframework.core.env.Environment;
import org.springframework.util.Assert;

/**
 * Builds webhook deliveries the way the platform sends them, signed with the application's webhook secret, so that
 * a test can post them to the application's webhook endpoint with MockMvc, WebTestClient or a real port:
 * <pre class="code">
 * WebhookTestRequests webhooks = WebhookTestRequests.forApplication(environment);
 * mockMvc.perform(webhooks.event(InteractorEvents.ROOM_MESSAGE_CREATED).toMockMvc()).andExpect(status().isOk());
 * </pre>
 * Every type of {@link InteractorEvents#CATALOG} has a sample payload; {@link WebhookDelivery} also offers the
 * variants a verifier must reject (wrong secret, stale, tampered).
 *
 * @since 0.1.0
 */
public final class WebhookTestRequests {

	/** The endpoint path when {@code interactor.webhook.path} is not set. */
	public static final String DEFAULT_PATH = "/webhooks/interactor";

	private final String secret;

	private final String path;

	private final Clock clock;

	private WebhookTestRequests(String secret, String path, Clock clock) {
		Assert.hasText(secret, "'secret' must not be empty");
		Assert.isTrue(path.startsWith("/"), "'path' must start with '/'");
		this.secret = secret;
		this.path = path;
		this.clock = clock;
	}

	/**
	 * Requests signed with the application's configured secret ({@code interactor.webhook.secret}) and addressed to
	 * its configured endpoint path ({@code interactor.webhook.path}, by default {@value #DEFAULT_PATH}).
	 * @param environment the application's environment
	 * @return the request builder
	 * @throws IllegalStateException if no webhook secret is configured
	 */
	public static WebhookTestRequests forApplication(Environment environment) {
		String secret = environment.getProperty("interactor.webhook.secret");
		if (secret == null || secret.isBlank()) {
			throw new IllegalStateException("interactor.webhook.secret is not set");
		}
		return new WebhookTestRequests(secret, environment.getProperty("interactor.webhook.path", DEFAULT_PATH),
				Clock.systemUTC());
	}

	/**
	 * Requests signed with the given secret and addressed to the given path.
	 * @param secret the webhook secret
	 * @param path the webhook endpoint path, such as {@value #DEFAULT_PATH}
	 * @return the request builder
	 */
	public static WebhookTestRequests of(String secret, String path) {
		return new WebhookTestRequests(secret, path, Clock.systemUTC());
	}

	/**
	 * A delivery of an event with its sample payload (see {@link #sampleData(String)}).
	 * @param eventType the event type, such as {@code room.message.created}
	 * @return the signed delivery
	 */
	public WebhookDelivery event(String eventType) {
		return event(eventType, sampleData(eventType));
	}

	/**
	 * A delivery of an event with the given {@code data}.
	 * @param eventType the event type
	 * @param dataJson the JSON of the envelope's {@code data} object
	 * @return the signed delivery
	 */
	public WebhookDelivery event(String eventType, String dataJson) {
		Assert.hasText(eventType, "'eventType' must not be empty");
		String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
		String body = "{\"id\":\"" + id + "\",\"event\":\"" + eventType + "\",\"timestamp\":\""
				+ Instant.now(this.clock) + "\",\"idempotency_key\":\"idem_" + id.substring(4)
				+ "\",\"namespace\":\"user_test\",\"data\":" + dataJson + "}";
		return WebhookDelivery.signed(this.path, eventType, id, body.getBytes(StandardCharsets.UTF_8),
				new WebhookSigner(this.secret, this.clock), this.clock);
	}

	/**
	 * The sample {@code data} of an event type, with the fields its catalogue group carries (credential, room
	 * message, room tool call, workflow instance); other types get an empty object.
	 * @param eventType the event type
	 * @return the JSON of the {@code data} object
	 */
	public static String sampleData(String eventType) {
		if (eventType.startsWith("credential.")) {
			return "{\"credential_id\":\"cred_test\",\"provider\":\"google\",\"service_id\":\"google\","
					+ "\"scopes\":[\"calendar.readonly\"],\"metadata\":{}}";
		}
		if (eventType.startsWith("room.tool_call.")) {
			return "{\"tool_call_id\":\"tc_test\",\"room_id\":\"room_test\",\"tool_id\":\"tool_test\","
					+ "\"tool_name\":\"lookup\",\"arguments\":{\"query\":\"status\"}}";
		}
		if (eventType.startsWith("room.message.")) {
			return "{\"message_id\":\"msg_test\",\"room_id\":\"room_test\",\"role\":\"assistant\","
					+ "\"content\":\"Hello from the test\",\"tool_calls\":null}";
		}
		if (eventType.startsWith("workflow.instance.")) {
			return "{\"instance_id\":\"wfi_test\",\"workflow_id\":\"wf_test\",\"current_state\":\"review\","
					+ "\"context\":{\"amount\":42}}";
		}
		return "{}";
	}

}
