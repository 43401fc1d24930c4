package io.interactor.spring.webhook.signature;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

import javax.crypto.Mac;

import io.interactor.spring.webhook.signature.HmacWebhookSignatureVerifier.Workspace;
import org.jspecify.annotations.Nullable;

/**
 * A small lock-free pool of {@link Workspace}s: a verification borrows one and gives it back, so two verifications
 * never share one, and a workspace outlives the thread that used it. That suits a pool of platform threads and a
 * virtual thread per request alike (a {@code ThreadLocal} would set up keyed {@code Mac}s for every virtual thread).
 * <p>
 * A thread starts at the slot its id hashes to and probes a few neighbours, so concurrent threads rarely meet; a
 * borrower that finds no workspace creates one, and a workspace given back when its neighbourhood is full is dropped,
 * so the pool never holds more workspaces than it has slots.
 */
final class WorkspacePool {

	/** Slots a thread tries, from its own on: enough that a thread rarely finds them all lent out. */
	private static final int PROBES = 4;

	private final AtomicReferenceArray<@Nullable Workspace> slots;

	private final int bits;

	private final Supplier<Mac[]> keyedMacs;

	/**
	 * Create a pool with four slots per available processor (at least eight), rounded up to a power of two.
	 * @param keyedMacs creates the keyed {@code Mac}s of a new workspace
	 */
	WorkspacePool(Supplier<Mac[]> keyedMacs) {
		this(Runtime.getRuntime().availableProcessors() * 4, keyedMacs);
	}

	WorkspacePool(int minimumSlots, Supplier<Mac[]> keyedMacs) {
		int size = Integer.highestOneBit(Math.max(minimumSlots, 8) - 1) << 1;
		this.slots = new AtomicReferenceArray<>(size);
		this.bits = Integer.numberOfTrailingZeros(size);
		this.keyedMacs = keyedMacs;
	}

	/**
	 * Take a workspace no other verification uses until it is given back; a new one when none is free nearby.
	 * @return the workspace
	 */
	Workspace borrow() {
		int home = home();
		for (int i = 0; i < PROBES; i++) {
			Workspace workspace = this.slots.getAndSet(slot(home, i), null);
			if (workspace != null) {
				return workspace;
			}
		}
		return new Workspace(this.keyedMacs.get());
	}

	/**
	 * Give a borrowed workspace back for the next verification; it is dropped when the slots nearby are taken.
	 * @param workspace the workspace, no longer used by the caller
	 */
	void giveBack(Workspace workspace) {
		int home = home();
		for (int i = 0; i < PROBES; i++) {
			if (this.slots.compareAndSet(slot(home, i), null, workspace)) {
				return;
			}
		}
	}

	/** The workspaces held now, lent out ones not counted. */
	int held() {
		int held = 0;
		for (int i = 0; i < this.slots.length(); i++) {
			held += (this.slots.get(i) != null) ? 1 : 0;
		}
		return held;
	}

	int slots() {
		return this.slots.length();
	}

	@SuppressWarnings("deprecation") // Thread.threadId() is Java 19+; getId() returns the same value
	private int home() {
		// Fibonacci hashing: consecutive thread ids land far apart
		return (int) ((Thread.currentThread().getId() * 0x9E3779B97F4A7C15L) >>> (64 - this.bits));
	}

	private int slot(int home, int probe) {
		return (home + probe) & (this.slots.length() - 1);
	}

}
