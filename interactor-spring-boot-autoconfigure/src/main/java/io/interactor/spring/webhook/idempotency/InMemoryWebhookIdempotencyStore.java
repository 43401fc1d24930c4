package io.interactor.spring.webhook.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A bounded in-memory {@link WebhookIdempotencyStore}.
 * <p>
 * <strong>Single instance only:</strong> the state lives in this JVM, so two application instances behind a load
 * balancer would each process a delivery once; use the Redis store ({@code interactor.webhook.idempotency.store=redis})
 * for more than one instance. The state is also lost on restart. At most {@code maxEntries} keys are kept; the keys
 * written least recently are evicted first (with their recorded handler completions). Claims lapse after the
 * processing timeout; completed keys and recorded handler completions after the time-to-live.
 * <p>
 * There is no store-wide lock: each key changes atomically on its own, so deliveries of different keys do not wait
 * for each other, and eviction runs on a writing thread without making any other thread wait. Under concurrent writes
 * the number of keys may therefore exceed {@code maxEntries} by the number of threads writing at that moment; once
 * they returned, the bound holds again.
 *
 * @since 0.1.0
 */
public final class InMemoryWebhookIdempotencyStore implements WebhookIdempotencyStore {

	private final int maxEntries;

	private final long processingTimeoutMillis;

	private final long ttlMillis;

	private final Clock clock;

	private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

	/**
	 * Keys in the order they were written, oldest at the head. Each write appends a record, and the entry it wrote
	 * points to that record; a record its key's entry no longer points to (the key was written again, released or
	 * removed) is stale and skipped.
	 */
	private final ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();

	/** The number of records in {@link #writes}; a striped counter, as every write adds one. */
	private final LongAdder writeCount = new LongAdder();

	/** Held by the one thread that evicts and compacts at a time; never waited for. */
	private final AtomicBoolean housekeeping = new AtomicBoolean();

	/**
	 * Create a store.
	 * @param maxEntries the maximum number of keys kept
	 * @param processingTimeout how long a claim blocks other deliveries of its key
	 * @param ttl how long a completed key is remembered
	 * @param clock the clock used for expiry
	 */
	public InMemoryWebhookIdempotencyStore(int maxEntries, Duration processingTimeout, Duration ttl, Clock clock) {
		Assert.isTrue(maxEntries > 0, "'maxEntries' must be positive");
		Assert.isTrue(!processingTimeout.isNegative() && !processingTimeout.isZero(), "'processingTimeout' must be positive");
		Assert.isTrue(!ttl.isNegative() && !ttl.isZero(), "'ttl' must be positive");
		Assert.notNull(clock, "'clock' must not be null");
		this.maxEntries = maxEntries;
		this.processingTimeoutMillis = processingTimeout.toMillis();
		this.ttlMillis = ttl.toMillis();
		this.clock = clock;
	}

	@Override
	public ClaimResult claim(String key, String claimId) {
		long now = this.clock.millis();
		ClaimResult[] result = new ClaimResult[1];
		Entry written = this.entries.compute(key, (k, current) -> {
			Entry entry = live(current, now);
			if (entry != null && entry.done) {
				result[0] = ClaimResult.COMPLETED;
				return entry;
			}
			// the caller's own claim (a re-sent claim) is claimed again
			if (entry != null && entry.claimId != null && !entry.claimId.equals(claimId)
					&& entry.claimExpiresAt > now) {
				result[0] = ClaimResult.IN_PROGRESS;
				return entry;
			}
			result[0] = ClaimResult.CLAIMED;
			supersede(current);
			long claimExpiresAt = now + this.processingTimeoutMillis;
			Set<String> handlers = (entry != null) ? entry.completedHandlers : Set.of();
			long expiresAt = (entry != null) ? Math.max(entry.expiresAt, claimExpiresAt) : claimExpiresAt;
			return new Entry(claimId, claimExpiresAt, false, handlers, expiresAt, new Write(key));
		});
		if (result[0] == ClaimResult.CLAIMED) {
			written(key, written, now);
		}
		return result[0];
	}

	@Override
	public Set<String> completedHandlers(String key) {
		Entry entry = live(this.entries.get(key), this.clock.millis());
		return (entry != null) ? entry.completedHandlers : Set.of();
	}

	@Override
	public void completeHandler(String key, String claimId, String handlerId) {
		long now = this.clock.millis();
		Entry written = this.entries.compute(key, (k, current) -> {
			Entry entry = live(current, now);
			supersede(current);
			Set<String> handlers = new HashSet<>((entry != null) ? entry.completedHandlers : Set.of());
			handlers.add(handlerId);
			long expiresAt = now + this.ttlMillis;
			if (entry == null) {
				return new Entry(null, Long.MIN_VALUE, false, Set.copyOf(handlers), expiresAt, new Write(key));
			}
			return new Entry(entry.claimId, entry.claimExpiresAt, entry.done, Set.copyOf(handlers),
					Math.max(entry.expiresAt, expiresAt), new Write(key));
		});
		written(key, written, now);
	}

	@Override
	public void complete(String key, String claimId) {
		long now = this.clock.millis();
		Entry done = new Entry(null, Long.MIN_VALUE, true, Set.of(), now + this.ttlMillis, new Write(key));
		supersede(this.entries.put(key, done));
		written(key, done, now);
	}

	@Override
	public void release(String key, String claimId) {
		long now = this.clock.millis();
		this.entries.computeIfPresent(key, (k, current) -> {
			Entry entry = live(current, now);
			if (entry == null) {
				supersede(current);
				return null;
			}
			if (entry.done || !claimId.equals(entry.claimId)) {
				return entry;
			}
			if (entry.completedHandlers.isEmpty()) {
				supersede(current);
				return null;
			}
			// same write position: releasing is not a write that refreshes the key's age
			return new Entry(null, Long.MIN_VALUE, false, entry.completedHandlers, entry.expiresAt, entry.write);
		});
	}

	/**
	 * The number of keys currently held (expired ones may still be counted until evicted).
	 * @return the size
	 */
	public int size() {
		return this.entries.size();
	}

	/** The number of write records held for eviction order, stale ones included: at most about twice the keys. */
	int writeRecords() {
		return this.writeCount.intValue();
	}

	/** Mark the record of a replaced or removed entry stale, so that eviction skips it without a look-up. */
	private static void supersede(@Nullable Entry replaced) {
		if (replaced != null) {
			replaced.write.superseded = true;
		}
	}

	private static @Nullable Entry live(@Nullable Entry entry, long now) {
		return (entry != null && entry.expiresAt > now) ? entry : null;
	}

	/** Record a write for the eviction order, then evict the oldest keys over the bound and expired ones. */
	private void written(String key, Entry entry, long now) {
		this.writes.add(entry.write);
		this.writeCount.increment();
		// One thread at a time tidies up and the others do not wait for it; a write that found it busy happened
		// before it let go, so its check after letting go sees that write and tidies up again if needed.
		while (needsHousekeeping(now) && this.housekeeping.compareAndSet(false, true)) {
			try {
				evict(now);
				if (this.writeCount.sum() > 2L * Math.max(this.entries.size(), 16)) {
					compact();
				}
			}
			finally {
				this.housekeeping.set(false);
			}
		}
	}

	/** Over the bound, or the oldest record stale or expired: read-only, so that most writes skip the tidying. */
	private boolean needsHousekeeping(long now) {
		if (this.entries.size() > this.maxEntries || this.writeCount.sum() > 2L * Math.max(this.entries.size(), 16)) {
			return true;
		}
		Write head = this.writes.peek();
		if (head == null || head.superseded) {
			return head != null;
		}
		Entry entry = this.entries.get(head.key);
		return entry == null || entry.write != head || entry.expiresAt <= now;
	}

	private void evict(long now) {
		Write head;
		while ((head = this.writes.peek()) != null) {
			Entry entry = head.superseded ? null : this.entries.get(head.key);
			boolean stale = entry == null || entry.write != head;
			if (!stale && this.entries.size() <= this.maxEntries && entry.expiresAt > now) {
				return;
			}
			this.writes.poll(); // the head seen above: only the housekeeping thread removes records
			this.writeCount.decrement();
			if (!stale) {
				Write evicted = head;
				// unless written again meanwhile: that write is younger than this record says
				this.entries.computeIfPresent(evicted.key, (k, e) -> (e.write == evicted) ? null : e);
			}
		}
	}

	/** Drop stale write records (keys written again) so that the queue stays proportional to the keys held. */
	private void compact() {
		this.writes.removeIf((write) -> {
			Entry entry = write.superseded ? null : this.entries.get(write.key);
			boolean stale = entry == null || entry.write != write;
			if (stale) {
				this.writeCount.decrement();
			}
			return stale;
		});
	}

	/** The state of one key; immutable, replaced atomically per key. */
	private static final class Entry {

		/** The owner of the current claim, {@code null} when the key is not claimed. */
		final @Nullable String claimId;

		final long claimExpiresAt;

		final boolean done;

		final Set<String> completedHandlers;

		/** When the whole entry (claim, completions) is forgotten, in epoch milliseconds. */
		final long expiresAt;

		/** The record of the write that produced this state, in the write order. */
		final Write write;

		Entry(@Nullable String claimId, long claimExpiresAt, boolean done, Set<String> completedHandlers,
				long expiresAt, Write write) {
			this.claimId = claimId;
			this.claimExpiresAt = claimExpiresAt;
			this.done = done;
			this.completedHandlers = completedHandlers;
			this.expiresAt = expiresAt;
			this.write = write;
		}

	}

	/** One write of a key, in write order; compared by identity. */
	private static final class Write {

		final String key;

		/**
		 * Set once the entry of this write was replaced or removed: a hint that spares eviction a look-up. Not
		 * volatile: a record whose flag is not seen yet is found stale by the look-up instead.
		 */
		boolean superseded;

		Write(String key) {
			this.key = key;
		}

	}

}
