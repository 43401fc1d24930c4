package io.interactor.spring.webhook.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

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
 * The bound is strict, also under concurrent writes: a write that adds a key first takes one of the
 * {@code maxEntries} slots, and when none is free it evicts the key written least recently itself. There is no
 * store-wide lock: each key changes atomically on its own, slots are taken with an atomic counter, and several
 * writing threads may evict at once, so deliveries of different keys do not wait for each other.
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

	/**
	 * The slots taken: keys in {@link #entries} plus writes about to add one. A slot is taken before a key is added
	 * and given back only after a key was removed, so that {@code entries.size() <= held <= maxEntries} at every
	 * instant.
	 */
	private final AtomicInteger held = new AtomicInteger();

	/** Held by the one thread that removes stale records and expired keys at a time; never waited for. */
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
		Entry written = write(key, (current) -> {
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
			written(written, now);
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
		Entry written = write(key, (current) -> {
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
		written(written, now);
	}

	@Override
	public void complete(String key, String claimId) {
		long now = this.clock.millis();
		Entry done = new Entry(null, Long.MIN_VALUE, true, Set.of(), now + this.ttlMillis, new Write(key));
		written(write(key, (current) -> {
			supersede(current);
			return done;
		}), now);
	}

	@Override
	public void release(String key, String claimId) {
		long now = this.clock.millis();
		boolean[] removed = new boolean[1];
		this.entries.computeIfPresent(key, (k, current) -> {
			Entry entry = live(current, now);
			if (entry == null || (!entry.done && claimId.equals(entry.claimId) && entry.completedHandlers.isEmpty())) {
				supersede(current);
				removed[0] = true;
				return null;
			}
			if (entry.done || !claimId.equals(entry.claimId)) {
				return entry;
			}
			// same write position: releasing is not a write that refreshes the key's age
			return new Entry(null, Long.MIN_VALUE, false, entry.completedHandlers, entry.expiresAt, entry.write);
		});
		if (removed[0]) {
			this.held.decrementAndGet();
		}
	}

	/**
	 * The number of keys currently held (expired ones may still be counted until evicted); never more than
	 * {@code maxEntries}.
	 * @return the size
	 */
	public int size() {
		// the map sums striped counters without a snapshot, so under concurrent writes its count may include a key
		// added after a removal it missed; the slots taken always bound the keys actually held
		return Math.min(this.entries.size(), this.held.get());
	}

	/** The number of slots taken: the keys held plus writes in progress that add one. */
	int slotsTaken() {
		return this.held.get();
	}

	/** The number of keys in the map as it counts them; exact only while no write is in progress. */
	int mappedKeys() {
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

	/**
	 * Change a key's entry atomically, taking a slot first when the change adds the key.
	 * @param key the key
	 * @param update the new entry, given the current one or {@code null}; called at most once
	 * @return the entry written
	 */
	private Entry write(String key, Function<@Nullable Entry, Entry> update) {
		boolean reserved = false;
		if (!this.entries.containsKey(key)) {
			reserve();
			reserved = true;
		}
		while (true) {
			boolean mayAdd = reserved;
			boolean[] added = new boolean[1];
			Entry written = this.entries.compute(key, (k, current) -> {
				if (current == null && !mayAdd) {
					return null; // removed since the look-up: take a slot first, then write again
				}
				added[0] = (current == null);
				return update.apply(current);
			});
			if (written != null) {
				if (reserved && !added[0]) {
					this.held.decrementAndGet(); // written meanwhile: the key needed no new slot
				}
				return written;
			}
			reserve();
			reserved = true;
		}
	}

	/** Take a slot for a new key, evicting the keys written least recently while none is free. */
	private void reserve() {
		while (true) {
			int taken = this.held.get();
			if (taken < this.maxEntries) {
				if (this.held.compareAndSet(taken, taken + 1)) {
					return;
				}
			}
			else if (!evictOldest()) {
				// every slot belongs to a write still adding its key: it is about to record it for eviction
				Thread.onSpinWait();
			}
		}
	}

	/** Take the oldest record off the write order and remove its key unless written again since. */
	private boolean evictOldest() {
		Write oldest = this.writes.poll(); // atomic: each record goes to one evicting thread
		if (oldest == null) {
			return false;
		}
		dropped(oldest);
		remove(oldest);
		return true;
	}

	/** Remove the key of a record taken off the write order, unless a later write replaced the entry. */
	private void remove(Write write) {
		if (write.superseded) {
			return;
		}
		boolean[] removed = new boolean[1];
		this.entries.computeIfPresent(write.key, (k, entry) -> {
			if (entry.write != write) {
				return entry;
			}
			removed[0] = true;
			return null;
		});
		if (removed[0]) {
			this.held.decrementAndGet();
		}
	}

	/** Count a record out of the write order; once per record, whichever thread took it off. */
	private void dropped(Write write) {
		if (Write.DROPPED.compareAndSet(write, 0, 1)) {
			this.writeCount.decrement();
		}
	}

	/** Record a write for the eviction order, then remove stale records and expired keys. */
	private void written(Entry entry, long now) {
		this.writes.add(entry.write);
		this.writeCount.increment();
		// One thread at a time tidies up and the others do not wait for it; a write that found it busy happened
		// before it let go, so its check after letting go sees that write and tidies up again if needed.
		while (needsHousekeeping(now) && this.housekeeping.compareAndSet(false, true)) {
			try {
				expire(now);
				if (this.writeCount.sum() > 2L * Math.max(this.entries.size(), 16)) {
					compact();
				}
			}
			finally {
				this.housekeeping.set(false);
			}
		}
	}

	/** Too many records, or the oldest one stale or expired: read-only, so that most writes skip the tidying. */
	private boolean needsHousekeeping(long now) {
		if (this.writeCount.sum() > 2L * Math.max(this.entries.size(), 16)) {
			return true;
		}
		Write head = this.writes.peek();
		if (head == null || head.superseded) {
			return head != null;
		}
		Entry entry = this.entries.get(head.key);
		return entry == null || entry.write != head || entry.expiresAt <= now;
	}

	/** Remove the oldest records while they are stale or their keys expired. */
	private void expire(long now) {
		Write head;
		while ((head = this.writes.peek()) != null) {
			Entry entry = head.superseded ? null : this.entries.get(head.key);
			boolean stale = entry == null || entry.write != head;
			if (!stale && entry.expiresAt > now) {
				return;
			}
			// a write evicting for a slot may take the same record meanwhile: counting it out and removing its key
			// happen once either way
			if (takeHead(head)) {
				dropped(head);
				if (!stale) {
					remove(head);
				}
			}
		}
	}

	/**
	 * Unlink a record seen at the head of the write order, unless it is no longer there. Unlike
	 * {@code Queue.remove(Object)}, never scans the queue when an evicting write took the record first.
	 */
	private boolean takeHead(Write head) {
		Iterator<Write> records = this.writes.iterator();
		if (records.hasNext() && records.next() == head) {
			records.remove();
			return true;
		}
		return false;
	}

	/** Drop stale write records (keys written again) so that the queue stays proportional to the keys held. */
	private void compact() {
		this.writes.removeIf((write) -> {
			Entry entry = write.superseded ? null : this.entries.get(write.key);
			boolean stale = entry == null || entry.write != write;
			if (stale) {
				dropped(write);
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

		static final AtomicIntegerFieldUpdater<Write> DROPPED = AtomicIntegerFieldUpdater.newUpdater(Write.class,
				"dropped");

		final String key;

		/** 1 once counted out of the write order. */
		volatile int dropped;

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
