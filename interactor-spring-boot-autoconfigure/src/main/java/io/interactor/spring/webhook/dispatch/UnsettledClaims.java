package io.interactor.spring.webhook.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

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
 * ({@link #settleSome()}). While any claim is unsettled, a background task also retries settling all of them every
 * {@code interval}, backing off (doubling up to {@code maxInterval}) while the store keeps failing, so that a claim is
 * settled as soon as the store is back even when no delivery reaches this instance; the task is not scheduled while
 * nothing is unsettled, and its thread ends when idle. Settling is serialized, and a claim is settled only while it is
 * still remembered, so no claim is settled twice. Every settling operation is safe to repeat. At most
 * {@code maxSize} claims are kept; the oldest are dropped first, and then (only after an outage that long) their
 * claims lapse after the processing timeout and their unrecorded completions are lost.
 */
final class UnsettledClaims implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(UnsettledClaims.class);

	/** How many claims of other keys one successful delivery settles, to bound the delay it adds. */
	private static final int SETTLE_BATCH = 16;

	private final WebhookIdempotencyStore store;

	private final int maxSize;

	/** Guarded by {@code this}. */
	private long intervalMillis;

	/** Guarded by {@code this}. */
	private long maxIntervalMillis;

	/** Held while settling, by deliveries and the background task alike, so that a claim is settled once. */
	private final ReentrantLock settling = new ReentrantLock();

	/** Runs the background settling; its one thread is started on demand and ends when idle. */
	private final ScheduledThreadPoolExecutor executor;

	/** Whether the background task is scheduled or running; guarded by {@code this}. */
	private boolean scheduled;

	/** The delay before the next background attempt; guarded by {@code this}. */
	private long delayMillis;

	/** Guarded by {@code this}. */
	private boolean closed;

	/** By idempotency key, then claim id; guarded by {@code this}. */
	private final Map<String, Map<String, Unsettled>> claims = new LinkedHashMap<>();

	/** Written under {@code this}; read without it so that the common case, nothing unsettled, takes no lock. */
	private volatile int size;

	UnsettledClaims(WebhookIdempotencyStore store, int maxSize, Duration interval, Duration maxInterval) {
		this.store = store;
		this.maxSize = maxSize;
		setInterval(interval, maxInterval);
		this.executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "interactor-webhook-settle");
			thread.setDaemon(true);
			return thread;
		});
		this.executor.setKeepAliveTime(10, TimeUnit.SECONDS);
		this.executor.allowCoreThreadTimeOut(true);
		this.executor.setRemoveOnCancelPolicy(true);
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
		completeFailed(key, claimId, Set.of());
	}

	/**
	 * Remember a key whose every handler completed but which could not be marked completed, with the handler
	 * completions that may not have been recorded.
	 */
	void completeFailed(String key, String claimId, Set<String> unrecordedHandlers) {
		add(key, claimId, unrecordedHandlers, true);
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
		synchronized (this) {
			if (!this.claims.containsKey(key)) {
				return;
			}
		}
		// Waits for the background task if it is settling: the redelivery must see the key as it really is.
		this.settling.lock();
		try {
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
		finally {
			this.settling.unlock();
		}
	}

	/**
	 * Settle a few unsettled claims of any key, oldest first; stop at the first failure of the store.
	 */
	void settleSome() {
		// The background task is settling them already: the delivery does not wait for it.
		if (this.size == 0 || !this.settling.tryLock()) {
			return;
		}
		try {
			settleOldest(SETTLE_BATCH);
		}
		catch (RuntimeException ex) {
			logger.debug("Idempotency store still failing, unsettled claims kept: " + ex.getMessage());
		}
		finally {
			this.settling.unlock();
		}
	}

	/**
	 * Set how often the background task runs, and its longest delay while the store keeps failing; for tests.
	 */
	synchronized void setInterval(Duration interval, Duration maxInterval) {
		this.intervalMillis = Math.max(1, interval.toMillis());
		this.maxIntervalMillis = Math.max(this.intervalMillis, maxInterval.toMillis());
		this.delayMillis = this.intervalMillis;
	}

	/**
	 * Stop the background settling; what is still unsettled is kept, and settled only by deliveries.
	 */
	@Override
	public void close() {
		synchronized (this) {
			this.closed = true;
			this.scheduled = false;
		}
		this.executor.shutdownNow();
	}

	/**
	 * Whether the background task is scheduled or running.
	 */
	synchronized boolean isSettlingInBackground() {
		return this.scheduled;
	}

	/**
	 * Wait until the background task stopped after {@link #close()}.
	 */
	boolean awaitClosed(Duration timeout) throws InterruptedException {
		return this.executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * One run of the background task: settle everything, oldest first, until the store fails. The lock is taken per
	 * claim, so that a delivery settling its own key waits for one store command at most, not for the whole run.
	 */
	private void settleInBackground() {
		boolean failed = false;
		try {
			for (Unsettled claim : oldest(Integer.MAX_VALUE)) {
				if (isClosed()) {
					return;
				}
				this.settling.lock();
				try {
					settle(claim);
				}
				finally {
					this.settling.unlock();
				}
			}
		}
		catch (RuntimeException ex) {
			failed = true;
			logger.debug("Idempotency store still failing, unsettled claims kept: " + ex.getMessage());
		}
		finally {
			synchronized (this) {
				this.scheduled = false;
				this.delayMillis = failed ? Math.min(this.delayMillis * 2, this.maxIntervalMillis) : this.intervalMillis;
				// Claims added while this run settled others, or kept because the store failed: run again.
				scheduleIfNeeded();
			}
		}
	}

	private synchronized boolean isClosed() {
		return this.closed;
	}

	/** Settle up to {@code limit} claims, oldest first; the caller holds {@link #settling}. */
	private void settleOldest(int limit) {
		for (Unsettled claim : oldest(limit)) {
			settle(claim);
		}
	}

	/** Up to {@code limit} unsettled claims, oldest first. */
	private synchronized List<Unsettled> oldest(int limit) {
		List<Unsettled> oldest = new ArrayList<>(Math.min(limit, this.size));
		outer: for (Map<String, Unsettled> ofKey : this.claims.values()) {
			for (Unsettled claim : ofKey.values()) {
				oldest.add(claim);
				if (oldest.size() == limit) {
					break outer;
				}
			}
		}
		return oldest;
	}

	/** Schedule the background task unless it is scheduled already, nothing is unsettled or it was closed. */
	private void scheduleIfNeeded() {
		if (this.scheduled || this.closed || this.claims.isEmpty()) {
			return;
		}
		this.executor.schedule(this::settleInBackground, this.delayMillis, TimeUnit.MILLISECONDS);
		this.scheduled = true;
	}

	/**
	 * The number of unsettled claims.
	 */
	int size() {
		return this.size;
	}

	private void settle(Unsettled claim) {
		if (!isCurrent(claim)) {
			// Settled meanwhile, or a later failure replaced it: the current state is settled instead.
			return;
		}
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

	private synchronized boolean isCurrent(Unsettled claim) {
		Map<String, Unsettled> ofKey = this.claims.get(claim.key);
		return ofKey != null && claim.equals(ofKey.get(claim.claimId));
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
		scheduleIfNeeded();
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
