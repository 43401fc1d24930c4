package io.interactor.sample;

import java.time.Duration;
import java.time.Instant;

import io.interactor.spring.webhook.dispatch.DefaultWebhookDeliveryObservationConvention;
import io.interactor.spring.webhook.dispatch.WebhookDeliveryObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.stereotype.Component;

/**
 * Every webhook delivery the application answered, from the {@code interactor.webhook.delivery} observations (the
 * ones the metrics are recorded from), so rejected deliveries show up too, not only those a handler saw. Keeps the
 * last {@value #KEPT} for late subscribers. Holds the event type and outcome only: payloads may hold user data.
 */
@Component
class WebhookDeliveryFeed implements ObservationHandler<WebhookDeliveryObservationContext> {

	private static final int KEPT = 50;

	private final Sinks.Many<Delivery> deliveries = Sinks.many().replay().limit(KEPT);

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof WebhookDeliveryObservationContext;
	}

	@Override
	public void onStop(WebhookDeliveryObservationContext context) {
		String type = (context.getEventType() != null) ? context.getEventType() : "(unreadable)";
		String outcome = (context.getResult() != null)
				? DefaultWebhookDeliveryObservationConvention.status(context.getResult())
				: DefaultWebhookDeliveryObservationConvention.NONE;
		// Deliveries may be answered concurrently: retry instead of failing on a concurrent emission.
		this.deliveries.emitNext(new Delivery(type, outcome, Instant.now().toString()),
				Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
	}

	/**
	 * The kept deliveries, oldest first, then each new one as it is answered.
	 * @return an endless flux of deliveries
	 */
	Flux<Delivery> deliveries() {
		return this.deliveries.asFlux();
	}

	/**
	 * One answered delivery.
	 *
	 * @param type the event type, as the delivery claimed it once its signature was verified
	 * @param outcome the status tag of the delivery metric ({@code processed}, {@code duplicate},
	 * {@code invalid_signature}, ...)
	 * @param time when it was answered, ISO-8601 in UTC
	 */
	record Delivery(String type, String outcome, String time) {

	}

}
