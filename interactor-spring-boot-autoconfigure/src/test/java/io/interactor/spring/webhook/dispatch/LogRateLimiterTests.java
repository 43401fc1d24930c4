package io.interactor.spring.webhook.dispatch;

import java.time.Duration;
import java.time.Instant;

import io.interactor.spring.test.MutableClock;
import io.interactor.spring.webhook.dispatch.LogRateLimiter.Permit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One line per key and interval, with the count of what was held back: driven by a clock moved by hand.
 */
class LogRateLimiterTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2024-01-20T12:00:00Z"));

	private final LogRateLimiter<String> limiter = new LogRateLimiter<>(Duration.ofMinutes(1), this.clock);

	@Test
	void firstEventOfAKeyIsLoggedAtOnce() {
		assertThat(this.limiter.tryAcquire("signature")).isEqualTo(new Permit(1, null));
	}

	@Test
	void eventsWithinTheIntervalAreHeldBackAndCountedOnTheNextLine() {
		this.limiter.tryAcquire("signature");
		for (int i = 0; i < 36; i++) {
			this.clock.advance(Duration.ofSeconds(1));
			assertThat(this.limiter.tryAcquire("signature")).isNull();
		}
		this.clock.advance(Duration.ofSeconds(24));
		// 36 held back plus this one, 60 s after the previous line
		assertThat(this.limiter.tryAcquire("signature")).isEqualTo(new Permit(37, Duration.ofSeconds(60)));
		// the count starts again
		assertThat(this.limiter.tryAcquire("signature")).isNull();
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.limiter.tryAcquire("signature")).isEqualTo(new Permit(2, Duration.ofMinutes(5)));
	}

	@Test
	void aLineJustBeforeTheIntervalEndsIsHeldBack() {
		this.limiter.tryAcquire("signature");
		this.clock.advance(Duration.ofMinutes(1).minusMillis(1));
		assertThat(this.limiter.tryAcquire("signature")).isNull();
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.limiter.tryAcquire("signature")).isEqualTo(new Permit(2, Duration.ofMinutes(1)));
	}

	@Test
	void keysAreLimitedIndependently() {
		assertThat(this.limiter.tryAcquire("signature")).isNotNull();
		assertThat(this.limiter.tryAcquire("signature")).isNull();
		assertThat(this.limiter.tryAcquire("timestamp")).isEqualTo(new Permit(1, null));
		assertThat(this.limiter.tryAcquire("timestamp")).isNull();
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.limiter.tryAcquire("signature")).isEqualTo(new Permit(2, Duration.ofMinutes(1)));
		assertThat(this.limiter.tryAcquire("timestamp")).isEqualTo(new Permit(2, Duration.ofMinutes(1)));
	}

	@Test
	void quietKeyIsLoggedAtOnceAgain() {
		this.limiter.tryAcquire("signature");
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.limiter.tryAcquire("signature")).isEqualTo(new Permit(1, Duration.ofHours(1)));
	}

}
