package io.interactor.spring.webhook.idempotency;

import java.time.Duration;
import java.time.Instant;

import io.interactor.spring.test.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryWebhookIdempotencyStoreTests extends AbstractIdempotencyStoreTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2024-01-20T12:00:00Z"));

	private final InMemoryWebhookIdempotencyStore store = new InMemoryWebhookIdempotencyStore(1000,
			Duration.ofMinutes(5), Duration.ofDays(7), this.clock);

	@Override
	protected WebhookIdempotencyStore store() {
		return this.store;
	}

	@Test
	void claimLapsesAfterProcessingTimeout() {
		this.store.claim("a");
		this.clock.advance(Duration.ofMinutes(5).minusSeconds(1));
		assertThat(this.store.claim("a")).isEqualTo(ClaimResult.IN_PROGRESS);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.store.claim("a")).isEqualTo(ClaimResult.CLAIMED);
	}

	@Test
	void completedKeyExpiresAfterTtl() {
		this.store.claim("a");
		this.store.complete("a");
		this.clock.advance(Duration.ofDays(7).minusSeconds(1));
		assertThat(this.store.claim("a")).isEqualTo(ClaimResult.COMPLETED);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.store.claim("a")).isEqualTo(ClaimResult.CLAIMED);
	}

	@Test
	void isBoundedByMaxEntriesEvictingTheOldest() {
		InMemoryWebhookIdempotencyStore small = new InMemoryWebhookIdempotencyStore(3, Duration.ofMinutes(5),
				Duration.ofDays(7), this.clock);
		for (String key : new String[] { "a", "b", "c", "d", "e" }) {
			small.claim(key);
			small.complete(key);
		}
		assertThat(small.size()).isEqualTo(3);
		assertThat(small.claim("e")).isEqualTo(ClaimResult.COMPLETED);
		assertThat(small.claim("a")).isEqualTo(ClaimResult.CLAIMED);
	}

}
