package io.interactor.spring.webhook.dispatch;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of the {@code interactor.webhook.delivery} observation; implement it (or extend
 * {@link DefaultWebhookDeliveryObservationConvention}) to customise them.
 *
 * @since 0.1.0
 */
public interface WebhookDeliveryObservationConvention
		extends ObservationConvention<WebhookDeliveryObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof WebhookDeliveryObservationContext;
	}

}
