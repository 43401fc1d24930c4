package io.interactor.spring.webhook.idempotency;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract every {@link WebhookIdempotencyStore} must satisfy.
 */
abstract class AbstractIdempotencyStoreTests {

	static final String HANDLER_A = "handlers#first(io.interactor.spring.webhook.RoomMessageData)";

	static final String HANDLER_B = "handlers#second(io.interactor.spring.webhook.RoomMessageData)";

	protected abstract WebhookIdempotencyStore store();

	protected String key() {
		return "evt_" + UUID.randomUUID();
	}

	@Test
	void firstClaimWinsAndLaterClaimsSeeProcessing() {
		String key = key();
		assertThat(store().claim(key, "claim-1")).isEqualTo(ClaimResult.CLAIMED);
		assertThat(store().claim(key, "claim-2")).isEqualTo(ClaimResult.IN_PROGRESS);
	}

	@Test
	void claimReSentWithItsOwnClaimIdIsClaimed() {
		// A client that re-sends a command after a broken connection must find its own earlier write, not a claim
		// that blocks every redelivery until the processing timeout.
		String key = key();
		assertThat(store().claim(key, "claim-1")).isEqualTo(ClaimResult.CLAIMED);
		assertThat(store().claim(key, "claim-1")).isEqualTo(ClaimResult.CLAIMED);
		assertThat(store().claim(key, "claim-2")).isEqualTo(ClaimResult.IN_PROGRESS);
	}

	@Test
	void everyOperationCanBeReSent() {
		String key = key();
		store().claim(key, "claim-1");
		store().completeHandler(key, "claim-1", HANDLER_A);
		store().completeHandler(key, "claim-1", HANDLER_A);
		assertThat(store().completedHandlers(key)).containsExactly(HANDLER_A);
		store().release(key, "claim-1");
		store().release(key, "claim-1");
		assertThat(store().claim(key, "claim-2")).isEqualTo(ClaimResult.CLAIMED);
		assertThat(store().completedHandlers(key)).containsExactly(HANDLER_A);
		// the earlier delivery's release, re-sent late, leaves the new claim in place
		store().release(key, "claim-1");
		assertThat(store().claim(key, "claim-3")).isEqualTo(ClaimResult.IN_PROGRESS);
		store().complete(key, "claim-2");
		store().complete(key, "claim-2");
		assertThat(store().claim(key, "claim-2")).isEqualTo(ClaimResult.COMPLETED);
		assertThat(store().claim(key, "claim-3")).isEqualTo(ClaimResult.COMPLETED);
	}

	@Test
	void claimWithCompletedHandlersReturnsTheRecordedCompletionsOnlyToTheClaimant() {
		String key = key();
		Claim first = store().claimWithCompletedHandlers(key, "claim-1");
		assertThat(first.result()).isEqualTo(ClaimResult.CLAIMED);
		assertThat(first.completedHandlers()).isEmpty();
		store().completeHandler(key, "claim-1", HANDLER_A);
		assertThat(store().claimWithCompletedHandlers(key, "claim-2"))
			.isEqualTo(Claim.notClaimed(ClaimResult.IN_PROGRESS));
		// re-sent: the caller's own claim, with what it recorded since
		assertThat(store().claimWithCompletedHandlers(key, "claim-1")).isEqualTo(Claim.claimed(Set.of(HANDLER_A)));
		store().release(key, "claim-1");
		Claim redelivery = store().claimWithCompletedHandlers(key, "claim-2");
		assertThat(redelivery.result()).isEqualTo(ClaimResult.CLAIMED);
		assertThat(redelivery.completedHandlers()).containsExactly(HANDLER_A);
	}

	@Test
	void completeWithHandlerCompletesTheKeyAndCanBeReSent() {
		String key = key();
		store().claimWithCompletedHandlers(key, "claim-1");
		store().completeHandler(key, "claim-1", HANDLER_A);
		store().completeWithHandler(key, "claim-1", HANDLER_B);
		store().completeWithHandler(key, "claim-1", HANDLER_B);
		assertThat(store().claimWithCompletedHandlers(key, "claim-1")).isEqualTo(Claim.notClaimed(ClaimResult.COMPLETED));
		assertThat(store().claim(key, "claim-2")).isEqualTo(ClaimResult.COMPLETED);
		// a release re-sent late changes nothing
		store().release(key, "claim-1");
		assertThat(store().claim(key, "claim-3")).isEqualTo(ClaimResult.COMPLETED);
	}

	@Test
	void completeWithHandlerCompletesTheKeyAfterTheClaimWasTakenOver() {
		String key = key();
		store().claim(key, "claim-1");
		// claim-1 lapsed in the caller's view of things, and another delivery released its own claim since
		store().release(key, "claim-1");
		assertThat(store().claim(key, "claim-2")).isEqualTo(ClaimResult.CLAIMED);
		// the first delivery's handlers ran all the same: the key is processed
		store().completeWithHandler(key, "claim-1", HANDLER_A);
		assertThat(store().claim(key, "claim-3")).isEqualTo(ClaimResult.COMPLETED);
	}

	@Test
	void completedKeyIsReportedAsCompleted() {
		String key = key();
		store().claim(key, "claim-1");
		store().complete(key, "claim-1");
		assertThat(store().claim(key, "claim-2")).isEqualTo(ClaimResult.COMPLETED);
	}

	@Test
	void releasedKeyCanBeClaimedAgain() {
		String key = key();
		store().claim(key, "claim-1");
		store().release(key, "claim-1");
		assertThat(store().claim(key, "claim-2")).isEqualTo(ClaimResult.CLAIMED);
	}

	@Test
	void releaseWithAnotherClaimIdLeavesTheClaimInPlace() {
		// A delivery whose claim lapsed must not free the claim another delivery has taken since.
		String key = key();
		store().claim(key, "claim-1");
		store().release(key, "lapsed-claim");
		assertThat(store().claim(key, "claim-2")).isEqualTo(ClaimResult.IN_PROGRESS);
	}

	@Test
	void releaseAfterCompletionKeepsTheKeyCompleted() {
		String key = key();
		store().claim(key, "claim-1");
		store().complete(key, "claim-1");
		store().release(key, "claim-1");
		assertThat(store().claim(key, "claim-2")).isEqualTo(ClaimResult.COMPLETED);
	}

	@Test
	void keysAreIndependent() {
		String first = key();
		String second = key();
		assertThat(store().claim(first, "claim-1")).isEqualTo(ClaimResult.CLAIMED);
		assertThat(store().claim(second, "claim-1")).isEqualTo(ClaimResult.CLAIMED);
	}

	@Test
	void aNewKeyHasNoCompletedHandlers() {
		String key = key();
		store().claim(key, "claim-1");
		assertThat(store().completedHandlers(key)).isEmpty();
		assertThat(store().completedHandlers(key())).isEmpty();
	}

	@Test
	void handlerCompletionsAreKeptWhenTheClaimIsReleased() {
		String key = key();
		store().claim(key, "claim-1");
		store().completeHandler(key, "claim-1", HANDLER_A);
		store().release(key, "claim-1");
		assertThat(store().claim(key, "claim-2")).isEqualTo(ClaimResult.CLAIMED);
		assertThat(store().completedHandlers(key)).containsExactly(HANDLER_A);
		store().completeHandler(key, "claim-2", HANDLER_B);
		store().release(key, "claim-2");
		assertThat(store().claim(key, "claim-3")).isEqualTo(ClaimResult.CLAIMED);
		assertThat(store().completedHandlers(key)).containsExactlyInAnyOrder(HANDLER_A, HANDLER_B);
	}

	@Test
	void recordingAHandlerCompletionKeepsTheClaim() {
		String key = key();
		store().claim(key, "claim-1");
		store().completeHandler(key, "claim-1", HANDLER_A);
		assertThat(store().claim(key, "claim-2")).isEqualTo(ClaimResult.IN_PROGRESS);
		store().complete(key, "claim-1");
		assertThat(store().claim(key, "claim-3")).isEqualTo(ClaimResult.COMPLETED);
	}

	@Test
	void handlerCompletionsBelongToTheirKey() {
		String first = key();
		String second = key();
		store().claim(first, "claim-1");
		store().completeHandler(first, "claim-1", HANDLER_A);
		assertThat(store().completedHandlers(second)).isEmpty();
	}

	@Test
	void handlerIdsAreStoredAsGiven() {
		String key = key();
		String id = "bean:with#odd(java.lang.String,byte[])";
		store().claim(key, "claim-1");
		store().completeHandler(key, "claim-1", id);
		assertThat(store().completedHandlers(key)).containsExactly(id);
	}

	@Test
	void concurrentHandlerCompletionsUnderOneKeyAreAllRecorded() throws Exception {
		String key = key();
		store().claim(key, "claim-1");
		int handlers = 20;
		ExecutorService executor = Executors.newFixedThreadPool(handlers);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> results = new ArrayList<>();
			for (int i = 0; i < handlers; i++) {
				String handlerId = "handler-" + i;
				results.add(executor.submit(() -> {
					start.await();
					store().completeHandler(key, "claim-1", handlerId);
					return null;
				}));
			}
			start.countDown();
			for (Future<?> result : results) {
				result.get(30, TimeUnit.SECONDS);
			}
			assertThat(store().completedHandlers(key)).hasSize(handlers);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void exactlyOneOfFiftyConcurrentClaimsWins() throws Exception {
		String key = key();
		int threads = 50;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<ClaimResult>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				String claimId = "claim-" + i;
				results.add(executor.submit(() -> {
					start.await();
					return store().claim(key, claimId);
				}));
			}
			start.countDown();
			int claimed = 0;
			for (Future<ClaimResult> result : results) {
				if (result.get(30, TimeUnit.SECONDS) == ClaimResult.CLAIMED) {
					claimed++;
				}
			}
			assertThat(claimed).isEqualTo(1);
		}
		finally {
			executor.shutdownNow();
		}
	}

}
