package io.interactor.spring.webhook.dispatch;

import io.interactor.spring.webhook.dispatch.WebhookOutcome.Result;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Context of the {@code interactor.webhook.delivery} observation: one webhook delivery through the
 * {@link WebhookDispatcher}, from receipt until it is answered, its handlers included (so that calls they make are
 * children of the delivery). The event type and namespace are known once the signature was verified and the
 * envelope read; {@link #getError()} is set when a handler threw.
 *
 * @since 0.1.0
 */
public class WebhookDeliveryObservationContext extends Observation.Context {

	private @Nullable String eventType;

	private @Nullable String namespace;

	private @Nullable Result result;

	private boolean handlersInvoked;

	/**
	 * The event type of the delivery.
	 * @return the type, or {@code null} when the delivery was rejected before it could be trusted and read
	 */
	public @Nullable String getEventType() {
		return this.eventType;
	}

	/**
	 * Set the event type of the delivery.
	 * @param eventType the type
	 */
	public void setEventType(@Nullable String eventType) {
		this.eventType = eventType;
	}

	/**
	 * The namespace of the event.
	 * @return the namespace, or {@code null}
	 */
	public @Nullable String getNamespace() {
		return this.namespace;
	}

	/**
	 * Set the namespace of the event.
	 * @param namespace the namespace
	 */
	public void setNamespace(@Nullable String namespace) {
		this.namespace = namespace;
	}

	/**
	 * How the delivery ended.
	 * @return the result, or {@code null} until it is answered
	 */
	public @Nullable Result getResult() {
		return this.result;
	}

	/**
	 * Set how the delivery ended.
	 * @param result the result
	 */
	public void setResult(@Nullable Result result) {
		this.result = result;
	}

	/**
	 * Whether the delivery reached its handlers (processed or failed), as opposed to being answered at once.
	 * @return {@code true} if handlers ran
	 */
	public boolean isHandlersInvoked() {
		return this.handlersInvoked;
	}

	/**
	 * Set whether the delivery reached its handlers.
	 * @param handlersInvoked whether handlers ran
	 */
	public void setHandlersInvoked(boolean handlersInvoked) {
		this.handlersInvoked = handlersInvoked;
	}

}
