package io.interactor.spring.webhook.dispatch;

import org.jspecify.annotations.Nullable;

/**
 * What the webhook endpoint answers for a delivery: HTTP status, a small JSON body that never echoes payload content,
 * and for 503 a {@code Retry-After} in seconds.
 *
 * @param result what happened
 * @param status the HTTP status
 * @param body the JSON body
 * @param retryAfterSeconds the {@code Retry-After} value, {@code null} when not applicable
 * @since 0.1.0
 */
public record WebhookOutcome(Result result, int status, String body, @Nullable Long retryAfterSeconds) {

	/** What happened to a delivery. */
	public enum Result {

		/** Every matching handler completed. */
		PROCESSED(200, "{\"received\":true}"),

		/** No handler matches the event type: acknowledged and counted. */
		UNHANDLED(200, "{\"received\":true,\"handled\":false}"),

		/** The delivery was processed before; no handler ran. */
		DUPLICATE(200, "{\"received\":true,\"duplicate\":true}"),

		/** The same delivery is being processed right now; the sender should retry. */
		DUPLICATE_IN_PROGRESS(503, "{\"error\":\"duplicate\",\"state\":\"processing\"}"),

		/** Missing, malformed or wrong signature. */
		INVALID_SIGNATURE(401, "{\"error\":\"invalid_signature\"}"),

		/** Missing, malformed, stale or future timestamp. */
		INVALID_TIMESTAMP(401, "{\"error\":\"invalid_timestamp\"}"),

		/** The body is not a JSON object. */
		INVALID_JSON(400, "{\"error\":\"invalid_json\"}"),

		/** The JSON has no event type or no idempotency key. */
		INVALID_ENVELOPE(400, "{\"error\":\"invalid_envelope\"}"),

		/** The {@code data} could not be converted to a handler's parameter. */
		INVALID_PAYLOAD(400, "{\"error\":\"invalid_payload\"}"),

		/** The body is larger than {@code interactor.webhook.max-payload-size}. */
		PAYLOAD_TOO_LARGE(413, "{\"error\":\"payload_too_large\"}"),

		/** A handler threw; the claim was released so a redelivery is processed. */
		HANDLER_FAILED(500, "{\"error\":\"handler_failed\"}"),

		/** The idempotency store is unreachable: nothing was processed (fail closed). */
		STORE_UNAVAILABLE(503, "{\"error\":\"idempotency_store_unavailable\"}"),

		/**
		 * The pipeline itself failed unexpectedly, e.g. a custom verifier or store threw where it must not; the
		 * sender retries.
		 */
		INTERNAL_ERROR(500, "{\"error\":\"internal_error\"}");

		private final int status;

		private final String body;

		Result(int status, String body) {
			this.status = status;
			this.body = body;
		}

	}

	/**
	 * The outcome of a result.
	 * @param result the result
	 * @return the outcome, without {@code Retry-After}
	 */
	public static WebhookOutcome of(Result result) {
		return new WebhookOutcome(result, result.status, result.body, null);
	}

	/**
	 * The outcome of a result with a {@code Retry-After}.
	 * @param result the result
	 * @param retryAfterSeconds seconds the sender should wait
	 * @return the outcome
	 */
	public static WebhookOutcome of(Result result, long retryAfterSeconds) {
		return new WebhookOutcome(result, result.status, result.body, retryAfterSeconds);
	}

}
