package io.interactor.spring.webhook.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Lets at most one log line per key through per interval and counts the events it held back, so that a flood of
 * alike events (every delivery failing verification after a secret change, say) leaves one line a minute with a
 * count instead of one line per event. Keys must come from a small fixed set: each keeps its state for good.
 * Thread-safe.
 *
 * @param <K> the key type
 */
final class LogRateLimiter<K> {

	private final Duration interval;

	private final Clock clock;

	private final Map<K, Window> windows = new ConcurrentHashMap<>();

	/**
	 * Create a limiter.
	 * @param interval the least time between two lines of the same key, positive
	 * @param clock the clock the interval is measured with
	 */
	LogRateLimiter(Duration interval, Clock clock) {
		Assert.isTrue(!interval.isNegative() && !interval.isZero(), "'interval' must be positive");
		this.interval = interval;
		this.clock = clock;
	}

	/**
	 * Record one event and decide whether to log it.
	 * @param key what kind of event it is
	 * @return the permit to log a line, or {@code null} when the line is held back (and counted)
	 */
	@Nullable Permit tryAcquire(K key) {
		return this.windows.computeIfAbsent(key, (k) -> new Window()).tryAcquire(this.clock.instant());
	}

	/**
	 * Permission to log a line.
	 * @param events the events this line stands for: this one and those held back since the previous line
	 * @param sincePrevious the time since the previous line of the key, {@code null} for its first line
	 */
	record Permit(long events, @Nullable Duration sincePrevious) {

	}

	private final class Window {

		private @Nullable Instant lastLine;

		private long heldBack;

		synchronized @Nullable Permit tryAcquire(Instant now) {
			Instant last = this.lastLine;
			if (last != null && now.isBefore(last.plus(LogRateLimiter.this.interval))) {
				this.heldBack++;
				return null;
			}
			Permit permit = new Permit(this.heldBack + 1, (last != null) ? Duration.between(last, now) : null);
			this.lastLine = now;
			this.heldBack = 0;
			return permit;
		}

	}

}
