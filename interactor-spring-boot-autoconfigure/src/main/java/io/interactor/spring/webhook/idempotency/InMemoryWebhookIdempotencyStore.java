package io.interactor.spring.webhook.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.util.Assert;

/**
 * A bounded in-memory {@link WebhookIdempotencyStore}.
 * <p>
 * <strong>Single instance only:</strong> the state lives in this JVM, so two application instances behind a load
 * balancer would each process a delivery once; use the Redis store ({@code interactor.webhook.idempotency.store=redis})
 * for more than one instance. The state is also lost on restart. At most {@code maxEntries} keys are kept; the oldest
 * are evicted first. Claims lapse after the processing timeout, completed keys after the time-to-live.
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
		Entry existing = this.entries.get(key);
		if (existing != null && existing.expiresAt.isAfter(now)) {
			return existing.completed ? ClaimResult.COMPLETED : ClaimResult.IN_PROGRESS;
		}
		this.entries.remove(key);
		evict(now);
		this.entries.put(key, new Entry(claimId, false, now.plus(this.processingTimeout)));
		return ClaimResult.CLAIMED;
	}

	@Override
	public synchronized void complete(String key, String claimId) {
		this.entries.remove(key);
		this.entries.put(key, new Entry(claimId, true, this.clock.instant().plus(this.ttl)));
	}

	@Override
	public synchronized void release(String key, String claimId) {
		Entry entry = this.entries.get(key);
		if (entry != null && !entry.completed && entry.claimId.equals(claimId)) {
			this.entries.remove(key);
		}
	}

	/**
	 * The number of keys currently held (expired ones may still be counted until evicted).
	 * @return the size
	 */
	public synchronized int size() {
		return this.entries.size();
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

	private record Entry(String claimId, boolean completed, Instant expiresAt) {

	}

}
