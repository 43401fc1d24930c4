package io.interactor.spring.webhook.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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
 *
 * @since 0.1.0
 */
public final class InMemoryWebhookIdempotencyStore implements WebhookIdempotencyStore {

	private final int maxEntries;

	private final Duration processingTimeout;

	private final Duration ttl;

	private final Clock clock;

	private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

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
		this.processingTimeout = processingTimeout;
		this.ttl = ttl;
		this.clock = clock;
	}

	@Override
	public synchronized ClaimResult claim(String key, String claimId) {
		Instant now = this.clock.instant();
		Entry entry = live(key, now);
		if (entry != null && entry.done) {
			return ClaimResult.COMPLETED;
		}
		// The caller's own claim (a re-sent claim) is claimed again.
		if (entry != null && entry.claimId != null && !entry.claimId.equals(claimId)
				&& entry.claimExpiresAt.isAfter(now)) {
			return ClaimResult.IN_PROGRESS;
		}
		Instant claimExpiresAt = now.plus(this.processingTimeout);
		Entry claimed = (entry != null) ? entry : new Entry(claimExpiresAt);
		claimed.claimId = claimId;
		claimed.claimExpiresAt = claimExpiresAt;
		claimed.extendTo(claimExpiresAt);
		put(key, claimed, now);
		return ClaimResult.CLAIMED;
	}

	@Override
	public synchronized Set<String> completedHandlers(String key) {
		Entry entry = live(key, this.clock.instant());
		return (entry != null) ? Set.copyOf(entry.completedHandlers) : Set.of();
	}

	@Override
	public synchronized void completeHandler(String key, String claimId, String handlerId) {
		Instant now = this.clock.instant();
		Entry entry = live(key, now);
		Entry recorded = (entry != null) ? entry : new Entry(now);
		recorded.completedHandlers.add(handlerId);
		recorded.extendTo(now.plus(this.ttl));
		put(key, recorded, now);
	}

	@Override
	public synchronized void complete(String key, String claimId) {
		Instant now = this.clock.instant();
		this.entries.remove(key);
		Entry done = new Entry(now.plus(this.ttl));
		done.done = true;
		put(key, done, now);
	}

	@Override
	public synchronized void release(String key, String claimId) {
		Entry entry = live(key, this.clock.instant());
		if (entry != null && !entry.done && claimId.equals(entry.claimId)) {
			entry.claimId = null;
			if (entry.completedHandlers.isEmpty()) {
				this.entries.remove(key);
			}
		}
	}

	/**
	 * The number of keys currently held (expired ones may still be counted until evicted).
	 * @return the size
	 */
	public synchronized int size() {
		return this.entries.size();
	}

	private @Nullable Entry live(String key, Instant now) {
		Entry entry = this.entries.get(key);
		if (entry != null && !entry.expiresAt.isAfter(now)) {
			this.entries.remove(key);
			return null;
		}
		return entry;
	}

	/** (Re-)insert at the end: eviction removes from the head, where the least recently written keys are. */
	private void put(String key, Entry entry, Instant now) {
		this.entries.remove(key);
		evict(now);
		this.entries.put(key, entry);
	}

	private void evict(Instant now) {
		Iterator<Map.Entry<String, Entry>> iterator = this.entries.entrySet().iterator();
		while (iterator.hasNext()) {
			Map.Entry<String, Entry> candidate = iterator.next();
			if (this.entries.size() >= this.maxEntries || !candidate.getValue().expiresAt.isAfter(now)) {
				iterator.remove();
			}
			else {
				break;
			}
		}
	}

	/** The state of one key; guarded by the store's lock. */
	private static final class Entry {

		/** The owner of the current claim, {@code null} when the key is not claimed. */
		@Nullable String claimId;

		Instant claimExpiresAt = Instant.MIN;

		boolean done;

		final Set<String> completedHandlers = new HashSet<>();

		/** When the whole entry (claim, completions) is forgotten. */
		Instant expiresAt;

		Entry(Instant expiresAt) {
			this.expiresAt = expiresAt;
		}

		void extendTo(Instant instant) {
			if (instant.isAfter(this.expiresAt)) {
				this.expiresAt = instant;
			}
		}

	}

}
