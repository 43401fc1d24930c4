package io.interactor.spring.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;

/**
 * A verified Interactor webhook delivery: the envelope (read from whichever of the documented field names the
 * platform sent) with its {@code data} converted to {@code T}.
 * <p>
 * {@link #toString()} never includes the payload: payloads may hold user data.
 *
 * @param <T> the type of {@link #data()}
 * @since 0.1.0
 */
public final class WebhookEvent<T> {

	private final @Nullable String id;

	private final String type;

	private final @Nullable Instant timestamp;

	private final String idempotencyKey;

	private final @Nullable String namespace;

	private final T data;

	private final JsonNode dataNode;

	private final byte[] rawBody;

	private final HttpHeaders headers;

	/**
	 * Create an event.
	 * @param id the event id ({@code id}, else {@code delivery_id}, else {@code X-Interactor-Delivery})
	 * @param type the event type
	 * @param timestamp when the event happened, if the envelope says so
	 * @param idempotencyKey the key processing is de-duplicated by
	 * @param namespace the namespace (end user) the event belongs to, if known
	 * @param data the converted payload
	 * @param dataNode the payload as JSON
	 * @param rawBody the raw request body
	 * @param headers the request headers
	 */
	public WebhookEvent(@Nullable String id, String type, @Nullable Instant timestamp, String idempotencyKey,
			@Nullable String namespace, T data, JsonNode dataNode, byte[] rawBody, HttpHeaders headers) {
		Assert.hasText(type, "'type' must not be empty");
		Assert.hasText(idempotencyKey, "'idempotencyKey' must not be empty");
		this.id = id;
		this.type = type;
		this.timestamp = timestamp;
		this.idempotencyKey = idempotencyKey;
		this.namespace = namespace;
		this.data = data;
		this.dataNode = dataNode;
		this.rawBody = rawBody;
		this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
	}

	/**
	 * The event id.
	 * @return the id, or {@code null} when the delivery carries none
	 */
	public @Nullable String id() {
		return this.id;
	}

	/**
	 * The event type, e.g. {@code room.message.created}.
	 * @return the type
	 */
	public String type() {
		return this.type;
	}

	/**
	 * When the event happened ({@code timestamp} or {@code created_at} of the envelope).
	 * @return the instant, or {@code null} when absent or neither Unix seconds, Unix milliseconds nor ISO-8601
	 */
	public @Nullable Instant timestamp() {
		return this.timestamp;
	}

	/**
	 * The key processing is de-duplicated by: {@code idempotency_key}, else {@code id}, else
	 * {@code X-Interactor-Webhook-Id}.
	 * @return the idempotency key
	 */
	public String idempotencyKey() {
		return this.idempotencyKey;
	}

	/**
	 * The namespace: top-level {@code namespace}, else {@code data.namespace}, {@code data.external_user_id} or
	 * {@code data.user_ref}.
	 * @return the namespace, or {@code null}
	 */
	public @Nullable String namespace() {
		return this.namespace;
	}

	/**
	 * The payload converted to the handler's type.
	 * @return the payload
	 */
	public T data() {
		return this.data;
	}

	/**
	 * The payload as JSON ({@code MissingNode} when the envelope has no {@code data}).
	 * @return the payload tree
	 */
	public JsonNode dataNode() {
		return this.dataNode;
	}

	/**
	 * The raw request body exactly as received (a copy).
	 * @return the body bytes
	 */
	public byte[] rawBody() {
		return this.rawBody.clone();
	}

	/**
	 * The raw request body decoded as UTF-8.
	 * @return the body text
	 */
	public String rawBodyAsString() {
		return new String(this.rawBody, StandardCharsets.UTF_8);
	}

	/**
	 * The request headers (read-only).
	 * @return the headers
	 */
	public HttpHeaders headers() {
		return this.headers;
	}

	/**
	 * The same event with another payload representation.
	 * @param <U> the new payload type
	 * @param converted the converted payload
	 * @return a new event
	 */
	public <U> WebhookEvent<U> withData(U converted) {
		return new WebhookEvent<>(this.id, this.type, this.timestamp, this.idempotencyKey, this.namespace, converted,
				this.dataNode, this.rawBody, this.headers);
	}

	@Override
	public String toString() {
		return "WebhookEvent{id=" + this.id + ", type=" + this.type + ", timestamp=" + this.timestamp + "}";
	}

}
