package io.interactor.spring.test;

/**
 * One attempt of the mock to deliver a webhook event, as kept in {@link MockInteractorServer#webhookDeliveries()}.
 *
 * @param event the event type, such as {@code room.message.created}
 * @param eventId the event id in the envelope ({@code evt_...}), the same for every attempt of one event
 * @param url the URL the attempt was posted to
 * @param attempt the attempt number, starting at 1
 * @param deliveryId the {@code X-Interactor-Delivery} header of this attempt (fresh for every attempt)
 * @param status the HTTP status the receiver answered, or {@code 0} when no response arrived (connection refused,
 * reset or timed out)
 * @since 0.1.0
 */
public record WebhookAttempt(String event, String eventId, String url, int attempt, String deliveryId, int status) {

	/**
	 * Whether the receiver accepted the delivery with a {@code 2xx} status.
	 * @return {@code true} for a {@code 2xx} status
	 */
	public boolean succeeded() {
		return this.status >= 200 && this.status < 300;
	}

}
