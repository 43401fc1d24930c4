package io.interactor.spring.webhook.dispatch;

import java.time.Clock;
import java.time.Duration;

import io.interactor.spring.webhook.signature.VerificationFailure;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

/**
 * Logs rejected webhook deliveries at WARN, so that a wrong secret or a misbehaving sender is visible without debug
 * logging, but at most one line per {@link Reason} per minute: the line after a quiet spell says how many
 * deliveries were rejected for that reason since the previous line ("Rejected 37 webhook deliveries with invalid
 * signature in the last 60 s (the signature matches no configured secret: secret mismatch?), answered 401"). Lines
 * that are held back are logged at DEBUG.
 * <p>
 * A line names the reason and the status only: never an id, header or byte of the delivery (none of which can be
 * trusted before verification, and whose payload may hold user data), the secret or the signature.
 */
final class WebhookRejectionLog {

	/** The least time between two WARN lines of the same reason. */
	static final Duration INTERVAL = Duration.ofMinutes(1);

	private final Log logger;

	private final LogRateLimiter<Reason> limiter;

	WebhookRejectionLog(Log logger, Clock clock) {
		this.logger = logger;
		this.limiter = new LogRateLimiter<>(INTERVAL, clock);
	}

	/**
	 * Log a rejection.
	 * @param reason why the delivery was rejected
	 * @param status the status it was answered with
	 * @param detail more about the reason that the sender cannot influence (e.g. a handler's name), or {@code null}
	 */
	void rejected(Reason reason, int status, @Nullable String detail) {
		if (!this.logger.isWarnEnabled()) {
			return;
		}
		String explanation = " (" + reason.explanation + ((detail != null) ? ": " + detail : "") + "), answered "
				+ status;
		LogRateLimiter.Permit permit = this.limiter.tryAcquire(reason);
		if (permit == null) {
			if (this.logger.isDebugEnabled()) {
				this.logger.debug("Rejected webhook delivery with " + reason.label + explanation);
			}
			return;
		}
		if (permit.events() == 1) {
			this.logger.warn("Rejected webhook delivery with " + reason.label + explanation);
		}
		else {
			Duration since = permit.sincePrevious();
			this.logger.warn("Rejected " + permit.events() + " webhook deliveries with " + reason.label
					+ ((since != null) ? " in the last " + since.toSeconds() + " s" : "") + explanation);
		}
	}

	/**
	 * Why a delivery was rejected: one WARN line per reason and minute at most.
	 */
	enum Reason {

		MISSING_SIGNATURE("invalid signature", "no X-Interactor-Signature header"),

		MALFORMED_SIGNATURE("invalid signature", "X-Interactor-Signature is not 64 hex characters"),

		DUPLICATE_HEADER("invalid signature", "a signature or timestamp header is repeated"),

		NO_SECRET("invalid signature", "no webhook secret is configured"),

		SIGNATURE_MISMATCH("invalid signature", "the signature matches no configured secret: secret mismatch?"),

		MISSING_TIMESTAMP("invalid timestamp", "no X-Interactor-Timestamp header, which the timestamped scheme requires"),

		MALFORMED_TIMESTAMP("invalid timestamp",
				"X-Interactor-Timestamp is not Unix seconds, Unix milliseconds or ISO-8601"),

		STALE_TIMESTAMP("invalid timestamp",
				"X-Interactor-Timestamp is older than the tolerance: clock skew, or a replayed delivery?"),

		FUTURE_TIMESTAMP("invalid timestamp", "X-Interactor-Timestamp is ahead by more than the tolerance: clock skew?"),

		MISSING_ENVELOPE_TIMESTAMP("invalid timestamp",
				"the signature covers the body alone and the envelope has no timestamp"),

		MALFORMED_ENVELOPE_TIMESTAMP("invalid timestamp",
				"the signature covers the body alone and the envelope timestamp is unreadable"),

		STALE_ENVELOPE_TIMESTAMP("invalid timestamp",
				"the signature covers the body alone and the envelope is older than the idempotency TTL allows: "
						+ "a replayed delivery?"),

		FUTURE_ENVELOPE_TIMESTAMP("invalid timestamp",
				"the signature covers the body alone and the envelope timestamp is ahead by more than the tolerance: "
						+ "clock skew?"),

		INVALID_JSON("invalid payload", "the body is not a JSON object"),

		INVALID_ENVELOPE("invalid payload", "the envelope has no event type or no idempotency key"),

		INVALID_PAYLOAD("invalid payload", "data cannot be converted to a handler's parameter"),

		PAYLOAD_TOO_LARGE("too large body", "larger than interactor.webhook.max-payload-size");

		private final String label;

		private final String explanation;

		Reason(String label, String explanation) {
			this.label = label;
			this.explanation = explanation;
		}

		/**
		 * The reason of a verification failure.
		 * @param failure the failure
		 * @return the reason
		 */
		static Reason of(VerificationFailure failure) {
			return switch (failure) {
				case MISSING_SIGNATURE -> MISSING_SIGNATURE;
				case MALFORMED_SIGNATURE -> MALFORMED_SIGNATURE;
				case DUPLICATE_HEADER -> DUPLICATE_HEADER;
				case NO_SECRET -> NO_SECRET;
				case SIGNATURE_MISMATCH -> SIGNATURE_MISMATCH;
				case MISSING_TIMESTAMP -> MISSING_TIMESTAMP;
				case MALFORMED_TIMESTAMP -> MALFORMED_TIMESTAMP;
				case STALE_TIMESTAMP -> STALE_TIMESTAMP;
				case FUTURE_TIMESTAMP -> FUTURE_TIMESTAMP;
				case MISSING_ENVELOPE_TIMESTAMP -> MISSING_ENVELOPE_TIMESTAMP;
				case MALFORMED_ENVELOPE_TIMESTAMP -> MALFORMED_ENVELOPE_TIMESTAMP;
				case STALE_ENVELOPE_TIMESTAMP -> STALE_ENVELOPE_TIMESTAMP;
				case FUTURE_ENVELOPE_TIMESTAMP -> FUTURE_ENVELOPE_TIMESTAMP;
			};
		}

	}

}
