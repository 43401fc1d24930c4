package io.interactor.spring.webhook.idempotency;

import java.time.Duration;
import java.util.List;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;

/**
 * A {@link WebhookIdempotencyStore} in Redis, shared by every instance of the application. A claim is
 * {@code SET <prefix><key> processing:<claim id> NX PX <processing-timeout>}; completion is
 * {@code SET <prefix><key> done PX <ttl>}; a failed delivery is released with a {@code DEL} that a Lua script runs
 * only while the key still holds the caller's claim. Any Redis failure surfaces as {@link IdempotencyStoreException}
 * (the endpoint answers 503 and processes nothing).
 *
 * @since 0.1.0
 */
public final class RedisWebhookIdempotencyStore implements WebhookIdempotencyStore {

	static final String PROCESSING = "processing";

	static final String DONE = "done";

	/** Deletes the key only if it still holds the given claim: a lapsed claim must not free another's. */
	private static final RedisScript<Long> RELEASE = RedisScript.of(
			"if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end",
			Long.class);

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final Duration processingTimeout;

	private final Duration ttl;

	/**
	 * Create a store.
	 * @param redis the template (from the application's {@code RedisConnectionFactory})
	 * @param keyPrefix prefix of every key written
	 * @param processingTimeout how long a claim blocks other deliveries of its key
	 * @param ttl how long a completed key is remembered
	 */
	public RedisWebhookIdempotencyStore(StringRedisTemplate redis, String keyPrefix, Duration processingTimeout,
			Duration ttl) {
		Assert.notNull(redis, "'redis' must not be null");
		Assert.notNull(keyPrefix, "'keyPrefix' must not be null");
		Assert.isTrue(processingTimeout.toMillis() > 0, "'processingTimeout' must be at least 1ms");
		Assert.isTrue(ttl.toMillis() > 0, "'ttl' must be at least 1ms");
		this.redis = redis;
		this.keyPrefix = keyPrefix;
		this.processingTimeout = processingTimeout;
		this.ttl = ttl;
	}

	private static String claimValue(String claimId) {
		return PROCESSING + ":" + claimId;
	}

	@Override
	public ClaimResult claim(String key, String claimId) {
		String redisKey = this.keyPrefix + key;
		try {
			for (int attempt = 0; attempt < 3; attempt++) {
				Boolean claimed = this.redis.opsForValue().setIfAbsent(redisKey, claimValue(claimId),
						this.processingTimeout);
				if (Boolean.TRUE.equals(claimed)) {
					return ClaimResult.CLAIMED;
				}
				String state = this.redis.opsForValue().get(redisKey);
				if (state != null) {
					return DONE.equals(state) ? ClaimResult.COMPLETED : ClaimResult.IN_PROGRESS;
				}
				// expired between SET NX and GET: try again
			}
			return ClaimResult.IN_PROGRESS;
		}
		catch (DataAccessException ex) {
			throw new IdempotencyStoreException("Redis idempotency store unavailable (claim)", ex);
		}
	}

	@Override
	public void complete(String key, String claimId) {
		try {
			this.redis.opsForValue().set(this.keyPrefix + key, DONE, this.ttl);
		}
		catch (DataAccessException ex) {
			throw new IdempotencyStoreException("Redis idempotency store unavailable (complete)", ex);
		}
	}

	@Override
	public void release(String key, String claimId) {
		try {
			this.redis.execute(RELEASE, List.of(this.keyPrefix + key), claimValue(claimId));
		}
		catch (DataAccessException ex) {
			throw new IdempotencyStoreException("Redis idempotency store unavailable (release)", ex);
		}
	}

}
