package io.interactor.spring.webhook.dispatch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.interactor.spring.webhook.idempotency.IdempotencyStoreException;
import io.interactor.spring.webhook.idempotency.WebhookIdempotencyStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Claims whose state in the idempotency store is in doubt, because a store operation on them failed: the claim itself
 * (it may have been written although the caller got an error), a handler completion, the completion of the key or
 * the release. They are remembered in memory and settled as soon as the store answers again: the completions that
 * were not recorded are recorded, then the key is completed or the claim released. Until then a claim written by a
 * failed call would block every redelivery for the whole processing timeout, and a completion that was not recorded
 * would let a redelivery run its handler again.
 * <p>
 * A key's own unsettled claims are settled before it is claimed again ({@link #settle(String)}), so a redelivery to
 * this instance always sees them; the others are settled a few at a time after a store operation succeeded
 * ({@link #settleSome()}). Every settling operation is safe to repeat. At most {@code maxSize} claims are kept; the
 * oldest are dropped first, and then (only after an outage that long) their claims lapse after the processing timeout
 * and their unrecorded completions are lost.
 */
final class UnsettledClaims {

	private static final Log logger = LogFactory.getLog(UnsettledClaims.class);

	/** How many claims of other keys one successful delivery settles, to bound the delay it adds. */
	private static final int SETTLE_BATCH = 16;

	private final WebhookIdempotencyStore store;

	private final int maxSize;

	/** By idempotency key, then claim id; guarded by {@code this}. */
	private final Map<String, Map<String, Unsettled>> claims = new LinkedHashMap<>();

	/** Written under {@code this}; read without it so that the common case, nothing unsettled, takes no lock. */
	private volatile int size;

	UnsettledClaims(WebhookIdempotencyStore store, int maxSize) {
		this.store = store;
		this.maxSize = maxSize;
	}

	/**
	 * Remember a claim whose outcome is unknown: the caller gives it up, so it is released.
	 */
	void claimFailed(String key, String claimId) {
		add(key, claimId, Set.of(), false);
	}

	/**
	 * Remember a claim that must be released, with the handler completions that could not be recorded.
	 */
	void releaseFailed(String key, String claimId, Set<String> unrecordedHandlers) {
		add(key, claimId, unrecordedHandlers, false);
	}

	/**
	 * Remember a key whose every handler completed but which could not be marked completed.
	 */
	void completeFailed(String key, String claimId) {
		add(key, claimId, Set.of(), true);
	}

	/**
	 * Settle the unsettled claims of one key.
	 * @throws IdempotencyStoreException (or another runtime exception of the store) if the store failed; the claims
	 * that were not settled are kept
	 */
	void settle(String key) {
		if (this.size == 0) {
			return;
		}
		List<Unsettled> pending;
		synchronized (this) {
			Map<String, Unsettled> ofKey = this.claims.get(key);
			if (ofKey == null) {
				return;
			}
			pending = new ArrayList<>(ofKey.values());
		}
		for (Unsettled claim : pending) {
			settle(claim);
		}
	}

	/**
	 * Settle a few unsettled claims of any key, oldest first; stop at the first failure of the store.
	 */
	void settleSome() {
		if (this.size == 0) {
			return;
		}
		List<Unsettled> pending = new ArrayList<>(SETTLE_BATCH);
		synchronized (this) {
			outer: for (Map<String, Unsettled> ofKey : this.claims.values()) {
				for (Unsettled claim : ofKey.values()) {
					pending.add(claim);
					if (pending.size() == SETTLE_BATCH) {
						break outer;
					}
				}
			}
		}
		try {
			for (Unsettled claim : pending) {
				settle(claim);
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Idempotency store still failing, unsettled claims kept: " + ex.getMessage());
		}
	}

	/**
	 * The number of unsettled claims.
	 */
	int size() {
		return this.size;
	}

	private void settle(Unsettled claim) {
		for (String handlerId : claim.unrecordedHandlers) {
			this.store.completeHandler(claim.key, claim.claimId, handlerId);
		}
		if (claim.complete) {
			this.store.complete(claim.key, claim.claimId);
		}
		else {
			this.store.release(claim.key, claim.claimId);
		}
		remove(claim);
		logger.debug("Settled an unsettled idempotency claim (" + (claim.complete ? "completed" : "released") + ")");
	}

	private synchronized void add(String key, String claimId, Set<String> unrecordedHandlers, boolean complete) {
		Map<String, Unsettled> ofKey = this.claims.computeIfAbsent(key, (k) -> new LinkedHashMap<>());
		Unsettled previous = ofKey.get(claimId);
		Set<String> handlers = new LinkedHashSet<>(unrecordedHandlers);
		if (previous != null) {
			handlers.addAll(previous.unrecordedHandlers);
			complete = complete || previous.complete;
		}
		else {
			this.size++;
		}
		ofKey.put(claimId, new Unsettled(key, claimId, Set.copyOf(handlers), complete));
		if (this.size > this.maxSize) {
			dropOldest();
		}
	}

	private synchronized void remove(Unsettled claim) {
		Map<String, Unsettled> ofKey = this.claims.get(claim.key);
		// Only the settled state: a failure recorded for the claim meanwhile stays to be settled.
		if (ofKey != null && ofKey.remove(claim.claimId, claim)) {
			this.size--;
			if (ofKey.isEmpty()) {
				this.claims.remove(claim.key);
			}
		}
	}

	private void dropOldest() {
		Iterator<Map<String, Unsettled>> keys = this.claims.values().iterator();
		Map<String, Unsettled> ofKey = keys.next();
		Iterator<Unsettled> oldest = ofKey.values().iterator();
		oldest.next();
		oldest.remove();
		this.size--;
		if (ofKey.isEmpty()) {
			keys.remove();
		}
		logger.warn("More than " + this.maxSize + " unsettled idempotency claims: dropped the oldest, whose claim "
				+ "lapses after the processing timeout");
	}

	private record Unsettled(String key, String claimId, Set<String> unrecordedHandlers, boolean complete) {
	}

}
