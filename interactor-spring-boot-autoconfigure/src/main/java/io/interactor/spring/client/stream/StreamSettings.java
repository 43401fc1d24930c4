package io.interactor.spring.client.stream;

import java.time.Duration;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.util.Assert;

/**
 * How an event stream reconnects and watches for silence.
 *
 * @param initialBackoff the wait before the first reconnect; doubled on every failed attempt in a row
 * @param maxBackoff the longest wait between reconnects
 * @param maxAttempts reconnect attempts in a row (without an event in between) before the stream fails with an
 * {@link io.interactor.spring.client.error.InteractorStreamException}
 * @param jitter the random share of each wait, in [0, 1], so that many clients do not reconnect in lockstep
 * @param heartbeatTimeout silence (no event, no comment) after which the connection is considered dead and
 * re-opened; the platform sends a heartbeat every 30 s
 * @param scheduler where back-off waits and the watchdog run; tests may pass a virtual-time scheduler
 * @since 0.1.0
 */
public record StreamSettings(Duration initialBackoff, Duration maxBackoff, int maxAttempts, double jitter,
		Duration heartbeatTimeout, Scheduler scheduler) {

	private static final StreamSettings DEFAULTS = new StreamSettings(Duration.ofSeconds(1), Duration.ofSeconds(30),
			5, 0.5, Duration.ofSeconds(45), Schedulers.parallel());

	public StreamSettings {
		Assert.isTrue(isPositive(initialBackoff), "initialBackoff must be positive");
		Assert.isTrue(isPositive(maxBackoff) && maxBackoff.compareTo(initialBackoff) >= 0,
				"maxBackoff must be at least initialBackoff");
		Assert.isTrue(maxAttempts >= 0, "maxAttempts must not be negative");
		Assert.isTrue(jitter >= 0 && jitter <= 1, "jitter must be between 0 and 1");
		Assert.isTrue(isPositive(heartbeatTimeout), "heartbeatTimeout must be positive");
		Assert.notNull(scheduler, "scheduler must not be null");
	}

	/**
	 * The defaults: back-off 1 s doubling to 30 s with 50 % jitter, 5 attempts, 45 s heartbeat timeout.
	 * @return the default settings
	 */
	public static StreamSettings defaults() {
		return DEFAULTS;
	}

	/**
	 * A copy with other back-off bounds.
	 * @param initial the first wait
	 * @param max the longest wait
	 * @return the settings
	 */
	public StreamSettings withBackoff(Duration initial, Duration max) {
		return new StreamSettings(initial, max, this.maxAttempts, this.jitter, this.heartbeatTimeout,
				this.scheduler);
	}

	/**
	 * A copy with another number of reconnect attempts.
	 * @param maxAttempts the attempts in a row
	 * @return the settings
	 */
	public StreamSettings withMaxAttempts(int maxAttempts) {
		return new StreamSettings(this.initialBackoff, this.maxBackoff, maxAttempts, this.jitter,
				this.heartbeatTimeout, this.scheduler);
	}

	/**
	 * A copy with another jitter share.
	 * @param jitter the share, in [0, 1]
	 * @return the settings
	 */
	public StreamSettings withJitter(double jitter) {
		return new StreamSettings(this.initialBackoff, this.maxBackoff, this.maxAttempts, jitter,
				this.heartbeatTimeout, this.scheduler);
	}

	/**
	 * A copy with another heartbeat timeout.
	 * @param heartbeatTimeout the timeout
	 * @return the settings
	 */
	public StreamSettings withHeartbeatTimeout(Duration heartbeatTimeout) {
		return new StreamSettings(this.initialBackoff, this.maxBackoff, this.maxAttempts, this.jitter,
				heartbeatTimeout, this.scheduler);
	}

	/**
	 * A copy running waits on another scheduler.
	 * @param scheduler the scheduler
	 * @return the settings
	 */
	public StreamSettings withScheduler(Scheduler scheduler) {
		return new StreamSettings(this.initialBackoff, this.maxBackoff, this.maxAttempts, this.jitter,
				this.heartbeatTimeout, scheduler);
	}

	private static boolean isPositive(Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

}
