package io.interactor.spring.webhook.signature;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;

import io.interactor.spring.webhook.signature.HmacWebhookSignatureVerifier.Workspace;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WorkspacePool}.
 */
class WorkspacePoolTests {

	private final AtomicInteger created = new AtomicInteger();

	private final WorkspacePool pool = new WorkspacePool(8, () -> {
		this.created.incrementAndGet();
		return new Mac[0];
	});

	@Test
	void oneThreadReusesOneWorkspace() {
		for (int i = 0; i < 1000; i++) {
			this.pool.giveBack(this.pool.borrow());
		}
		assertThat(this.created).hasValue(1);
	}

	@Test
	void aThreadPerVerificationReusesWorkspacesInsteadOfCreatingOneEach() throws Exception {
		// what a virtual thread per request does: every verification on a thread that never verifies again
		for (int i = 0; i < 500; i++) {
			Thread thread = new Thread(() -> this.pool.giveBack(this.pool.borrow()));
			thread.start();
			thread.join();
		}
		assertThat(this.created.get()).isLessThanOrEqualTo(this.pool.slots());
	}

	@Test
	void workspacesLentAtTheSameTimeAreNeverShared() throws Exception {
		int threads = 16;
		Set<Workspace> inUse = Collections.newSetFromMap(new IdentityHashMap<>());
		AtomicInteger shared = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> started = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread thread = new Thread(() -> {
				await(start);
				for (int i = 0; i < 20_000; i++) {
					Workspace workspace = this.pool.borrow();
					synchronized (inUse) {
						if (!inUse.add(workspace)) {
							shared.incrementAndGet();
						}
					}
					synchronized (inUse) {
						inUse.remove(workspace);
					}
					this.pool.giveBack(workspace);
				}
			});
			thread.start();
			started.add(thread);
		}
		start.countDown();
		for (Thread thread : started) {
			thread.join();
		}
		assertThat(shared).hasValue(0);
		assertThat(this.pool.held()).isLessThanOrEqualTo(this.pool.slots());
	}

	@Test
	void neverHoldsMoreWorkspacesThanSlots() {
		List<Workspace> lent = new ArrayList<>();
		for (int i = 0; i < this.pool.slots() + 5; i++) {
			lent.add(this.pool.borrow());
		}
		assertThat(this.created).hasValue(this.pool.slots() + 5);
		lent.forEach(this.pool::giveBack);
		assertThat(this.pool.held()).isLessThanOrEqualTo(this.pool.slots());
	}

	@Test
	void slotsAreAPowerOfTwoOfAtLeastEight() {
		assertThat(new WorkspacePool(3, () -> new Mac[0]).slots()).isEqualTo(8);
		assertThat(new WorkspacePool(8, () -> new Mac[0]).slots()).isEqualTo(8);
		assertThat(new WorkspacePool(9, () -> new Mac[0]).slots()).isEqualTo(16);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
