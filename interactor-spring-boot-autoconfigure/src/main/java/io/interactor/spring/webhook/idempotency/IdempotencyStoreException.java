package io.interactor.spring.webhook.idempotency;

/**
 * Thrown by a {@link WebhookIdempotencyStore} that cannot reach its backing storage. The webhook endpoint answers
 * 503 (fail closed) so the sender retries later and nothing is processed twice.
 *
 * @since 0.1.0
 */
public class IdempotencyStoreException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create the exception.
	 * @param message the message (must not contain keys of payload content)
	 * @param cause the cause
	 */
	public IdempotencyStoreException(String message, Throwable cause) {
		super(message, cause);
	}

}
