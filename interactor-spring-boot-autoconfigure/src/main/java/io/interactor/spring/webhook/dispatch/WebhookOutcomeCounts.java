package io.interactor.spring.webhook.dispatch;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import io.interactor.spring.webhook.dispatch.WebhookOutcome.Result;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * How many deliveries ended with each {@link Result} since the application started, counted from the
 * {@code interactor.webhook.delivery} observations of the registry it is registered with (the same event the metrics
 * are recorded from). Thread-safe; recording is a single uncontended add, so it costs nothing measurable per
 * delivery.
 *
 * @since 0.1.0
 */
public final class WebhookOutcomeCounts implements ObservationHandler<WebhookDeliveryObservationContext> {

	private final Map<Result, LongAdder> counts = new EnumMap<>(Result.class);

	/**
	 * Create counts, all zero.
	 */
	public WebhookOutcomeCounts() {
		// Every key exists up front, so the map is never modified after construction and needs no locking.
		for (Result result : Result.values()) {
			this.counts.put(result, new LongAdder());
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof WebhookDeliveryObservationContext;
	}

	@Override
	public void onStop(WebhookDeliveryObservationContext context) {
		Result result = context.getResult();
		if (result != null) {
			record(result);
		}
	}

	/**
	 * Count one delivery.
	 * @param result how it ended
	 */
	public void record(Result result) {
		this.counts.get(result).increment();
	}

	/**
	 * The count of one result.
	 * @param result the result
	 * @return how many deliveries ended with it
	 */
	public long get(Result result) {
		return this.counts.get(result).sum();
	}

	/**
	 * All counts, in the declaration order of {@link Result}, keyed by the lower-case result name (for example
	 * {@code processed}, {@code invalid_signature}).
	 * @return a snapshot
	 */
	public Map<String, Long> snapshot() {
		Map<String, Long> snapshot = new LinkedHashMap<>();
		this.counts.forEach((result, count) -> snapshot.put(result.name().toLowerCase(Locale.ROOT), count.sum()));
		return snapshot;
	}

}
