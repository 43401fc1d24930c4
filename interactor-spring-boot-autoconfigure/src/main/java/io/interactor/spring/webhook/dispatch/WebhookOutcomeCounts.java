package io.interactor.spring.webhook.dispatch;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import io.interactor.spring.webhook.dispatch.WebhookOutcome.Result;

/**
 * How many deliveries ended with each {@link Result} since the application started. Thread-safe; recording is a
 * single uncontended add, so it costs nothing measurable per delivery.
 */
public final class WebhookOutcomeCounts {

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
