package io.interactor.spring.client.http;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The last {@code X-RateLimit-*} values the Core API sent, for metrics gauges and for slowing down before a 429.
 * Every value is {@code null} until a response carried it. Thread-safe: the values are replaced together, so a
 * reader sees limit, remaining and reset of the same response.
 *
 * @since 0.1.0
 */
public final class RateLimitStatus {

	private volatile Snapshot snapshot = new Snapshot(null, null, null, null);

	/**
	 * The request limit of the current window ({@code X-RateLimit-Limit}).
	 * @return the limit, or {@code null}
	 */
	public @Nullable Long limit() {
		return this.snapshot.limit();
	}

	/**
	 * The requests left in the current window ({@code X-RateLimit-Remaining}).
	 * @return the remaining requests, or {@code null}
	 */
	public @Nullable Long remaining() {
		return this.snapshot.remaining();
	}

	/**
	 * When the window resets ({@code X-RateLimit-Reset}, Unix seconds).
	 * @return the reset time, or {@code null}
	 */
	public @Nullable Instant reset() {
		return this.snapshot.reset();
	}

	/**
	 * When the values were last updated.
	 * @return the time of the response that carried them, or {@code null}
	 */
	public @Nullable Instant updatedAt() {
		return this.snapshot.updatedAt();
	}

	/**
	 * The share of the limit still available, for throttling ahead of a 429.
	 * @return remaining / limit in [0, 1], or {@code null} when unknown
	 */
	public @Nullable Double remainingRatio() {
		Snapshot current = this.snapshot;
		if (current.limit() == null || current.remaining() == null || current.limit() <= 0) {
			return null;
		}
		return Math.max(0, Math.min(1, (double) current.remaining() / current.limit()));
	}

	void update(@Nullable Long limit, @Nullable Long remaining, @Nullable Instant reset, Instant now) {
		Snapshot previous = this.snapshot;
		// A response carrying only some of the headers keeps the others' last values.
		this.snapshot = new Snapshot((limit != null) ? limit : previous.limit(),
				(remaining != null) ? remaining : previous.remaining(), (reset != null) ? reset : previous.reset(),
				now);
	}

	@Override
	public String toString() {
		Snapshot current = this.snapshot;
		return "RateLimitStatus[limit=" + current.limit() + ", remaining=" + current.remaining() + ", reset="
				+ current.reset() + "]";
	}

	private record Snapshot(@Nullable Long limit, @Nullable Long remaining, @Nullable Instant reset,
			@Nullable Instant updatedAt) {

	}

}
