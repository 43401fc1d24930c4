package io.interactor.spring.webhook.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
	void handlerCompletionsOutliveALapsedClaim() {
		this.store.claim("a", "claim-1");
		this.store.completeHandler("a", "claim-1", HANDLER_A);
		// the instance crashed before finishing: the claim lapses, the completion stays
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.store.claim("a", "claim-2")).isEqualTo(ClaimResult.CLAIMED);
		assertThat(this.store.completedHandlers("a")).containsExactly(HANDLER_A);
	}

	@Test
	void handlerCompletionExpiresAfterTtlCountedFromTheLastCompletion() {
		this.store.claim("a", "claim-1");
		this.store.completeHandler("a", "claim-1", HANDLER_A);
		this.store.release("a", "claim-1");
		this.clock.advance(Duration.ofDays(1));
		this.store.claim("a", "claim-2");
		this.store.completeHandler("a", "claim-2", HANDLER_B);
		this.store.release("a", "claim-2");
		this.clock.advance(Duration.ofDays(7).minusSeconds(1));
		assertThat(this.store.completedHandlers("a")).containsExactlyInAnyOrder(HANDLER_A, HANDLER_B);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.store.completedHandlers("a")).isEmpty();
		assertThat(this.store.claim("a", "claim-3")).isEqualTo(ClaimResult.CLAIMED);
		assertThat(this.store.completedHandlers("a")).isEmpty();
	}

	@Test
	void handlerCompletedAfterItsClaimLapsedIsRecorded() {
		this.store.claim("a", "claim-1");
		this.clock.advance(Duration.ofMinutes(6));
		this.store.completeHandler("a", "claim-1", HANDLER_A);
		assertThat(this.store.claim("a", "claim-2")).isEqualTo(ClaimResult.CLAIMED);
		assertThat(this.store.completedHandlers("a")).containsExactly(HANDLER_A);
	}

	@Test
	void releaseWithoutCompletionsForgetsTheKey() {
		this.store.claim("a", "claim-1");
		this.store.release("a", "claim-1");
		assertThat(this.store.size()).isZero();
		this.store.claim("b", "claim-1");
		this.store.completeHandler("b", "claim-1", HANDLER_A);
		this.store.release("b", "claim-1");
		assertThat(this.store.size()).isOne();
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

	@Test
	void anExpiredKeyIsRemovedByTheNextKeyAdded() {
		InMemoryWebhookIdempotencyStore small = new InMemoryWebhookIdempotencyStore(3, Duration.ofMinutes(5),
				Duration.ofDays(7), this.clock);
		small.claim("a", "claim-1");
		this.clock.advance(Duration.ofMinutes(5));
		small.claim("b", "claim-1");
		// the lapsed claim of "a" held nothing else: it goes although the bound is not reached
		assertThat(small.size()).isOne();
		assertThat(small.claim("a", "claim-2")).isEqualTo(ClaimResult.CLAIMED);
	}

	@Test
	void aKeyInUseOutlivesKeysUntouchedSince() {
		InMemoryWebhookIdempotencyStore small = new InMemoryWebhookIdempotencyStore(3, Duration.ofMinutes(5),
				Duration.ofDays(7), this.clock);
		for (String key : new String[] { "a", "b", "c" }) {
			small.claim(key, "claim-1");
			small.complete(key, "claim-1");
		}
		// a redelivery of "a" finds it completed and makes it the most recently used key
		assertThat(small.claim("a", "claim-2")).isEqualTo(ClaimResult.COMPLETED);
		small.claim("d", "claim-1");
		assertThat(small.size()).isEqualTo(3);
		assertThat(small.completedHandlers("d")).isEmpty();
		assertThat(small.claim("a", "claim-3")).isEqualTo(ClaimResult.COMPLETED);
		assertThat(small.claim("b", "claim-3")).isEqualTo(ClaimResult.CLAIMED);
	}

	@Test
	void staysBoundedByMaxEntriesOverAMillionDistinctDeliveries() {
		InMemoryWebhookIdempotencyStore bounded = new InMemoryWebhookIdempotencyStore(1000, Duration.ofMinutes(5),
				Duration.ofDays(7), this.clock);
		for (int i = 0; i < 1_000_000; i++) {
			String key = "evt_" + i;
			assertThat(bounded.claim(key, "claim-1")).isEqualTo(ClaimResult.CLAIMED);
			bounded.completeHandler(key, "claim-1", HANDLER_A);
			bounded.complete(key, "claim-1");
			if (i % 1000 == 0) {
				assertThat(bounded.size()).isLessThanOrEqualTo(1000);
			}
		}
		assertThat(bounded.size()).isEqualTo(1000);
		// every segment keeps at least its least share of the bound: the newest keys are all still held
		for (int i = 999_999; i > 999_999 - InMemoryWebhookIdempotencyStore.MIN_SEGMENT_CAPACITY; i--) {
			assertThat(bounded.claim("evt_" + i, "claim-2")).isEqualTo(ClaimResult.COMPLETED);
		}
		// a key twice the bound old was evicted: its segment has received about twice its share since
		assertThat(bounded.claim("evt_997999", "claim-2")).isEqualTo(ClaimResult.CLAIMED);
	}

	@Test
	void sharesOfTheSegmentsAddUpToMaxEntries() {
		// an odd bound over several segments: the shares differ by one key and sum to exactly the bound
		InMemoryWebhookIdempotencyStore bounded = new InMemoryWebhookIdempotencyStore(1001, Duration.ofMinutes(5),
				Duration.ofDays(7), this.clock);
		for (int i = 0; i < 100_000; i++) {
			bounded.claim("evt_" + i, "claim-1");
		}
		assertThat(bounded.size()).isEqualTo(1001);
	}

	@Test
	void segmentsArePowersOfTwoEachHoldingAtLeastTheMinimumShare() {
		assertThat(InMemoryWebhookIdempotencyStore.segmentCount(3, 16)).isOne();
		assertThat(InMemoryWebhookIdempotencyStore.segmentCount(127, 16)).isOne();
		assertThat(InMemoryWebhookIdempotencyStore.segmentCount(128, 16)).isEqualTo(2);
		assertThat(InMemoryWebhookIdempotencyStore.segmentCount(1000, 16)).isEqualTo(8);
		assertThat(InMemoryWebhookIdempotencyStore.segmentCount(100_000, 2)).isEqualTo(8);
		assertThat(InMemoryWebhookIdempotencyStore.segmentCount(100_000, 3)).isEqualTo(8);
		assertThat(InMemoryWebhookIdempotencyStore.segmentCount(100_000, 1)).isEqualTo(4);
		assertThat(InMemoryWebhookIdempotencyStore.segmentCount(Integer.MAX_VALUE, 1_000_000)).isEqualTo(1 << 16);
	}

	@Test
	void staysBoundedUnderConcurrentDistinctDeliveries() throws Exception {
		InMemoryWebhookIdempotencyStore bounded = new InMemoryWebhookIdempotencyStore(500, Duration.ofMinutes(5),
				Duration.ofDays(7), this.clock);
		int threads = 8;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> claimed = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				String prefix = "evt_" + t + "_";
				claimed.add(executor.submit(() -> {
					start.await();
					int count = 0;
					for (int i = 0; i < 50_000; i++) {
						String key = prefix + i;
						if (bounded.claim(key, "claim-1") == ClaimResult.CLAIMED) {
							count++;
						}
						bounded.complete(key, "claim-1");
					}
					return count;
				}));
			}
			start.countDown();
			for (Future<Integer> result : claimed) {
				assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(50_000);
			}
		}
		finally {
			executor.shutdownNow();
		}
		// every segment is full: the keys fill the bound exactly
		assertThat(bounded.size()).isEqualTo(500);
	}

	@Test
	void maxEntriesHoldsAtEveryInstantUnderConcurrentWrites() throws Exception {
		int maxEntries = 200;
		InMemoryWebhookIdempotencyStore bounded = new InMemoryWebhookIdempotencyStore(maxEntries,
				Duration.ofMinutes(5), Duration.ofDays(7), this.clock);
		int threads = 32;
		AtomicInteger largest = new AtomicInteger();
		AtomicBoolean writing = new AtomicBoolean(true);
		Thread monitor = new Thread(() -> {
			while (writing.get()) {
				largest.accumulateAndGet(bounded.size(), Math::max);
			}
		}, "store-size-monitor");
		monitor.setDaemon(true);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> writers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				String prefix = "evt_" + t + "_";
				String claimId = "claim-" + t;
				writers.add(executor.submit(() -> {
					start.await();
					for (int i = 0; i < 5_000; i++) {
						String key = prefix + i;
						bounded.claim(key, claimId);
						bounded.completeHandler(key, claimId, HANDLER_A);
						bounded.complete(key, claimId);
						// keys shared by all threads, claimed and released while evictions remove them
						String shared = "shared_" + (i % 16);
						if (bounded.claim(shared, claimId) == ClaimResult.CLAIMED) {
							bounded.release(shared, claimId);
						}
					}
					return null;
				}));
			}
			monitor.start();
			start.countDown();
			for (Future<?> writer : writers) {
				writer.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			writing.set(false);
			executor.shutdownNow();
			monitor.join(TimeUnit.SECONDS.toMillis(10));
		}
		assertThat(bounded.segments()).isGreaterThan(1);
		assertThat(largest.get()).isPositive().isLessThanOrEqualTo(maxEntries);
		// every write returned: the keys fill the bound, less the shared keys whose last claim was released
		assertThat(bounded.size()).isBetween(maxEntries - 16, maxEntries);
	}

}
