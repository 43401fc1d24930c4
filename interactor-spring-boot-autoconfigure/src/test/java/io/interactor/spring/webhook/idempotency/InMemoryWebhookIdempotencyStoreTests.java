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
		this.store.claim("a", "claim-1");
		this.clock.advance(Duration.ofMinutes(5).minusSeconds(1));
		assertThat(this.store.claim("a", "claim-2")).isEqualTo(ClaimResult.IN_PROGRESS);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.store.claim("a", "claim-3")).isEqualTo(ClaimResult.CLAIMED);
	}

	@Test
	void lateReleaseOfALapsedClaimLeavesTheNewClaimInPlace() {
		this.store.claim("a", "claim-1");
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.store.claim("a", "claim-2")).isEqualTo(ClaimResult.CLAIMED);
		this.store.release("a", "claim-1");
		assertThat(this.store.claim("a", "claim-3")).isEqualTo(ClaimResult.IN_PROGRESS);
	}

	@Test
	void completedKeyExpiresAfterTtl() {
		this.store.claim("a", "claim-1");
		this.store.complete("a", "claim-1");
		this.clock.advance(Duration.ofDays(7).minusSeconds(1));
		assertThat(this.store.claim("a", "claim-2")).isEqualTo(ClaimResult.COMPLETED);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.store.claim("a", "claim-3")).isEqualTo(ClaimResult.CLAIMED);
	}

	@Test
	void isBoundedByMaxEntriesEvictingTheOldest() {
		InMemoryWebhookIdempotencyStore small = new InMemoryWebhookIdempotencyStore(3, Duration.ofMinutes(5),
				Duration.ofDays(7), this.clock);
		for (String key : new String[] { "a", "b", "c", "d", "e" }) {
			small.claim(key, "claim-1");
			small.complete(key, "claim-1");
		}
		assertThat(small.size()).isEqualTo(3);
		assertThat(small.claim("e", "claim-1")).isEqualTo(ClaimResult.COMPLETED);
		assertThat(small.claim("a", "claim-1")).isEqualTo(ClaimResult.CLAIMED);
	}

}
