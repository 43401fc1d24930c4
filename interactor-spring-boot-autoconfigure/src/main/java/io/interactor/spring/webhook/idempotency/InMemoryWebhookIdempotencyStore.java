package io.interactor.spring.webhook.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A bounded in-memory {@link WebhookIdempotencyStore}.
 * <p>
 * <strong>Single instance only:</strong> the state lives in this JVM, so two application instances behind a load
 * balancer would each process a delivery once; use the Redis store ({@code interactor.webhook.idempotency.store=redis})
 * for more than one instance. The state is also lost on restart. Claims lapse after the processing timeout; completed
 * keys and recorded handler completions after the time-to-live.
 * <p>
 * <strong>Bound.</strong> At most {@code maxEntries} keys are kept, at every instant and under any number of
 * concurrent writers. The keys are spread by hash over a fixed number of segments (a power of two: up to four per
 * available processor, fewer when {@code maxEntries} is small, so that each segment holds at least 64 keys), each with
 * its own lock and its own share of {@code maxEntries}; the shares add up to exactly {@code maxEntries}. There is no
 * store-wide lock: deliveries whose keys fall in different segments never wait for each other.
 * <p>
 * <strong>Eviction.</strong> A new key in a full segment evicts the key of that segment used least recently (claimed,
 * completed, released, or its handler completions read or recorded), with its recorded handler completions; an expired
 * key at the head of a segment is removed by the next key added to it. The order is therefore per segment, not
 * store-wide: every key stays at least until {@code maxEntries / segments} newer keys have been added (they could all
 * fall in its segment) and, as keys spread evenly, typically until about {@code maxEntries} have been. A key evicted
 * earlier than a store-wide order would evict it costs only this: a redelivery of it arriving that late is processed
 * again, which an eviction allows in any order. A claim in progress is evicted like any other key once it is the least
 * recently used of a full segment; a bound large enough for the deliveries of one processing timeout keeps that from
 * happening.
 *
 * @since 0.1.0
 */
public final class InMemoryWebhookIdempotencyStore implements WebhookIdempotencyStore {

	/** The fewest keys a segment holds when the store has more than one: keeps the per-segment order meaningful. */
	static final int MIN_SEGMENT_CAPACITY = 64;

	/** Segments per available processor: enough for concurrent writers to rarely meet on a lock. */
	private static final int SEGMENTS_PER_PROCESSOR = 4;

	private final Segment[] segments;

	private final int segmentMask;

	private final long processingTimeoutMillis;

	private final long ttlMillis;

	private final Clock clock;

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
		int count = segmentCount(maxEntries, Runtime.getRuntime().availableProcessors());
		this.segments = new Segment[count];
		for (int i = 0; i < count; i++) {
			// the first (maxEntries % count) segments take one key more, so that the shares add up to maxEntries
			this.segments[i] = new Segment(maxEntries / count + ((i < maxEntries % count) ? 1 : 0));
		}
		this.segmentMask = count - 1;
		this.processingTimeoutMillis = processingTimeout.toMillis();
		this.ttlMillis = ttl.toMillis();
		this.clock = clock;
	}

	/**
	 * The number of segments for a bound: a power of two, at most {@code SEGMENTS_PER_PROCESSOR} per processor, and
	 * few enough that each holds {@link #MIN_SEGMENT_CAPACITY} keys or more (one segment for a smaller bound).
	 */
	static int segmentCount(int maxEntries, int processors) {
		int wanted = Math.min(Math.max(processors, 1) * SEGMENTS_PER_PROCESSOR, maxEntries / MIN_SEGMENT_CAPACITY);
		return Integer.highestOneBit(Math.max(Math.min(wanted, 1 << 16), 1));
	}

	@Override
	public ClaimResult claim(String key, String claimId) {
		return claimWithCompletedHandlers(key, claimId).result();
	}

	/**
	 * Claim a key and read its completed handlers under one lock.
	 */
	@Override
	public Claim claimWithCompletedHandlers(String key, String claimId) {
		long now = this.clock.millis();
		long claimExpiresAt = now + this.processingTimeoutMillis;
		Segment segment = segmentFor(key);
		segment.lock.lock();
		try {
			Entry entry = segment.get(key);
			if (entry == null) {
				segment.add(key, new Entry(claimId, claimExpiresAt, false, Set.of(), claimExpiresAt), now);
				return Claim.claimed(Set.of());
			}
			entry.forgetIfExpired(now);
			if (entry.done) {
				return Claim.notClaimed(ClaimResult.COMPLETED);
			}
			// the caller's own claim (a re-sent claim) is claimed again
			if (entry.claimId != null && !entry.claimId.equals(claimId) && entry.claimExpiresAt > now) {
				return Claim.notClaimed(ClaimResult.IN_PROGRESS);
			}
			entry.claimId = claimId;
			entry.claimExpiresAt = claimExpiresAt;
			entry.expiresAt = Math.max(entry.expiresAt, claimExpiresAt);
			return Claim.claimed(entry.completedHandlers);
		}
		finally {
			segment.lock.unlock();
		}
	}

	@Override
	public Set<String> completedHandlers(String key) {
		long now = this.clock.millis();
		Segment segment = segmentFor(key);
		segment.lock.lock();
		try {
			Entry entry = segment.get(key);
			if (entry == null) {
				return Set.of();
			}
			if (entry.expiresAt <= now) {
				segment.remove(key);
				return Set.of();
			}
			return entry.completedHandlers;
		}
		finally {
			segment.lock.unlock();
		}
	}

	@Override
	public void completeHandler(String key, String claimId, String handlerId) {
		long now = this.clock.millis();
		long expiresAt = now + this.ttlMillis;
		Segment segment = segmentFor(key);
		segment.lock.lock();
		try {
			Entry entry = segment.get(key);
			if (entry == null) {
				segment.add(key, new Entry(null, Long.MIN_VALUE, false, Set.of(handlerId), expiresAt), now);
				return;
			}
			entry.forgetIfExpired(now);
			if (!entry.completedHandlers.contains(handlerId)) {
				Set<String> handlers = new HashSet<>(entry.completedHandlers);
				handlers.add(handlerId);
				entry.completedHandlers = Set.copyOf(handlers);
			}
			entry.expiresAt = Math.max(entry.expiresAt, expiresAt);
		}
		finally {
			segment.lock.unlock();
		}
	}

	@Override
	public void complete(String key, String claimId) {
		long now = this.clock.millis();
		long expiresAt = now + this.ttlMillis;
		Segment segment = segmentFor(key);
		segment.lock.lock();
		try {
			Entry entry = segment.get(key);
			if (entry == null) {
				segment.add(key, new Entry(null, Long.MIN_VALUE, true, Set.of(), expiresAt), now);
				return;
			}
			// a completed key needs no handler completions: a later claim answers COMPLETED before reading them
			entry.claimId = null;
			entry.claimExpiresAt = Long.MIN_VALUE;
			entry.done = true;
			entry.completedHandlers = Set.of();
			entry.expiresAt = expiresAt;
		}
		finally {
			segment.lock.unlock();
		}
	}

	/**
	 * The same as {@link #complete}: a completed key keeps no handler completions (a later claim answers
	 * {@link ClaimResult#COMPLETED} before reading them), so recording the last one first would only be discarded.
	 */
	@Override
	public void completeWithHandler(String key, String claimId, String handlerId) {
		complete(key, claimId);
	}

	@Override
	public void release(String key, String claimId) {
		long now = this.clock.millis();
		Segment segment = segmentFor(key);
		segment.lock.lock();
		try {
			Entry entry = segment.get(key);
			if (entry == null) {
				return;
			}
			if (entry.expiresAt <= now
					|| (!entry.done && claimId.equals(entry.claimId) && entry.completedHandlers.isEmpty())) {
				segment.remove(key);
			}
			else if (!entry.done && claimId.equals(entry.claimId)) {
				entry.claimId = null;
				entry.claimExpiresAt = Long.MIN_VALUE;
			}
		}
		finally {
			segment.lock.unlock();
		}
	}

	/**
	 * The number of keys currently held (expired ones may still be counted until removed); never more than
	 * {@code maxEntries}.
	 * @return the size
	 */
	public int size() {
		int size = 0;
		for (Segment segment : this.segments) {
			segment.lock.lock();
			try {
				size += segment.size();
			}
			finally {
				segment.lock.unlock();
			}
		}
		return size;
	}

	/** The number of segments the keys are spread over. */
	int segments() {
		return this.segments.length;
	}

	private Segment segmentFor(String key) {
		// the segment comes from the high bits of a multiplicative hash, so that the keys of one segment still spread
		// over all buckets of its map, which indexes with the low bits of the key's own hash
		return this.segments[((key.hashCode() * 0x9E3779B9) >>> 16) & this.segmentMask];
	}

	/**
	 * The keys of one hash range, least recently used first, guarded by {@link #lock}. Never holds more than its
	 * capacity, not even while a key is added.
	 */
	private static final class Segment extends LinkedHashMap<String, Entry> {

		final ReentrantLock lock = new ReentrantLock();

		private final int capacity;

		Segment(int capacity) {
			super(16, 0.75f, true); // access order: every look-up moves the key to the tail
			this.capacity = capacity;
		}

		/** Add a key known to be absent, first removing the least recently used key if full or expired. */
		void add(String key, Entry entry, long now) {
			if (!isEmpty()) {
				Iterator<Entry> entries = values().iterator();
				Entry eldest = entries.next();
				if (size() >= this.capacity || eldest.expiresAt <= now) {
					entries.remove();
				}
			}
			put(key, entry);
		}

	}

	/** The state of one key; changed in place under its segment's lock. */
	private static final class Entry {

		/** The owner of the current claim, {@code null} when the key is not claimed. */
		@Nullable String claimId;

		long claimExpiresAt;

		boolean done;

		/** Immutable: handed out by {@link #completedHandlers} and replaced on change. */
		Set<String> completedHandlers;

		/** When the whole entry (claim, completions) is forgotten, in epoch milliseconds. */
		long expiresAt;

		Entry(@Nullable String claimId, long claimExpiresAt, boolean done, Set<String> completedHandlers,
				long expiresAt) {
			this.claimId = claimId;
			this.claimExpiresAt = claimExpiresAt;
			this.done = done;
			this.completedHandlers = completedHandlers;
			this.expiresAt = expiresAt;
		}

		/** Reset an expired entry to the state of an absent key. */
		void forgetIfExpired(long now) {
			if (this.expiresAt <= now) {
				this.claimId = null;
				this.claimExpiresAt = Long.MIN_VALUE;
				this.done = false;
				this.completedHandlers = Set.of();
				this.expiresAt = Long.MIN_VALUE;
			}
		}

	}

}
