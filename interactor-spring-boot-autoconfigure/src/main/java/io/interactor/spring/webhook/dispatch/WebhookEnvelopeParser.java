package io.interactor.spring.webhook.dispatch;

import java.time.Instant;

import io.interactor.spring.webhook.WebhookEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;

/**
 * Reads the webhook envelope from a verified body, accepting each of the field names the platform's documents use
 * for it (e.g. the event type in {@code type}, {@code event} or {@code event_type}); unknown fields are ignored. The
 * event's timestamp ({@code timestamp}, else {@code created_at}) may be Unix seconds, Unix milliseconds or ISO-8601,
 * like the timestamp header.
 *
 * @since 0.1.0
 */
public final class WebhookEnvelopeParser {

	private final JsonMapper jsonMapper;

	/**
	 * Create a parser.
	 * @param jsonMapper the mapper reading the body
	 */
	public WebhookEnvelopeParser(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Parse a body.
	 * @param headers the request headers
	 * @param body the raw body
	 * @return the event with {@code data} as JSON
	 * @throws InvalidEnvelopeException if the body is not a JSON object or lacks a type or an idempotency key
	 */
	public WebhookEvent<JsonNode> parse(HttpHeaders headers, byte[] body) {
		return read(headers, body).event();
	}

	/**
	 * Parse a body, keeping the envelope's timestamp as written.
	 * @param headers the request headers
	 * @param body the raw body
	 * @return the envelope
	 * @throws InvalidEnvelopeException if the body is not a JSON object or lacks a type or an idempotency key
	 */
	Envelope read(HttpHeaders headers, byte[] body) {
		JsonNode root;
		try {
			root = this.jsonMapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new InvalidEnvelopeException(true);
		}
		if (root == null || !root.isObject()) {
			throw new InvalidEnvelopeException(true);
		}
		JsonNode data = root.path("data");
		String type = firstText(text(root, "type"), text(root, "event"), text(root, "event_type"),
				headers.getFirst("X-Interactor-Event"));
		String id = firstText(text(root, "id"), text(root, "delivery_id"), headers.getFirst("X-Interactor-Delivery"));
		String idempotencyKey = firstText(text(root, "idempotency_key"), text(root, "id"),
				headers.getFirst("X-Interactor-Webhook-Id"));
		if (type == null || idempotencyKey == null) {
			throw new InvalidEnvelopeException(false);
		}
		String namespace = firstText(text(root, "namespace"), text(data, "namespace"), text(data, "external_user_id"),
				text(data, "user_ref"));
		String timestamp = firstText(text(root, "timestamp"), text(root, "created_at"));
		Instant createdAt = (timestamp != null) ? EnvelopeTimestamps.parse(timestamp) : null;
		JsonNode dataNode = data.isMissingNode() ? MissingNode.getInstance() : data;
		return new Envelope(
				new WebhookEvent<>(id, type, createdAt, idempotencyKey, namespace, dataNode, dataNode, body, headers),
				timestamp);
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isString() || value.isNumber()) {
			String text = value.asString();
			return StringUtils.hasText(text) ? text : null;
		}
		return null;
	}

	private static @Nullable String firstText(@Nullable String... values) {
		for (String value : values) {
			if (StringUtils.hasText(value)) {
				return value;
			}
		}
		return null;
	}

	/**
	 * A parsed envelope.
	 * @param event the event, with {@code data} as JSON
	 * @param timestamp the envelope's {@code timestamp} (else {@code created_at}) as written, {@code null} when absent
	 */
	record Envelope(WebhookEvent<JsonNode> event, @Nullable String timestamp) {

	}

	/**
	 * The body is not a usable envelope. The message never contains payload content.
	 */
	public static final class InvalidEnvelopeException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final boolean invalidJson;

		InvalidEnvelopeException(boolean invalidJson) {
			super(invalidJson ? "Webhook body is not a JSON object" : "Webhook envelope has no type or no id");
			this.invalidJson = invalidJson;
		}

		/**
		 * Whether the body is not JSON at all (as opposed to JSON lacking required fields).
		 * @return {@code true} for malformed JSON
		 */
		public boolean isInvalidJson() {
			return this.invalidJson;
		}

	}

}
