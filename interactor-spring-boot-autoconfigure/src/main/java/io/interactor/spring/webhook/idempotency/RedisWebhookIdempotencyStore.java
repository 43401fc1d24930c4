package io.interactor.spring.webhook.idempotency;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;

/**
 * A {@link WebhookIdempotencyStore} in Redis, shared by every instance of the application (Redis 5 or later).
 * <p>
 * Each idempotency key is one hash, {@code <prefix><key>}, and every change to it is one Lua script, so a change and
 * the key's expiry are applied together or not at all:
 * <ul>
 * <li>{@code state}: {@code processing:<claim id>} while a delivery owns the key, {@code done} once it was
 * processed;</li>
 * <li>{@code claim-expires-at}: when the claim lapses, in milliseconds of the Redis server's clock (the claim cannot
 * be a key expiry of its own, since the key also holds completions that must outlive it);</li>
 * <li>{@code handler:<handler id>}: one field per handler that completed, holding the claim id it completed
 * under.</li>
 * </ul>
 * A claim succeeds when the key is absent, or holds no claim, or only a lapsed one; it sets the key's expiry to at
 * least the processing timeout. A handler completion sets it to at least the time-to-live, so recorded completions
 * are remembered as long as a completed key. Completing the key replaces the hash with {@code state = done} for the
 * time-to-live. A failed delivery is released by removing its claim fields only while the key still holds the
 * caller's claim; the completions stay (and a hash without fields disappears). Any Redis failure surfaces as
 * {@link IdempotencyStoreException} (the endpoint answers 503 and processes nothing more).
 * <p>
 * Every script is safe to run twice, as a Redis client may re-send a command whose connection broke before the
 * answer arrived (Lettuce does so after reconnecting, unless the caller's command timeout cancelled the command
 * first): a claim finds its own claim id and is claimed, a completion is written again, a release of a claim that is
 * gone does nothing. Set the client's command timeout ({@code spring.data.redis.timeout}) to a few seconds, so that a
 * delivery waiting on an unreachable Redis is answered 503 in that time rather than Lettuce's 60 seconds.
 *
 * @since 0.1.0
 */
public final class RedisWebhookIdempotencyStore implements WebhookIdempotencyStore {

	static final String STATE = "state";

	static final String CLAIM_EXPIRES_AT = "claim-expires-at";

	static final String HANDLER_PREFIX = "handler:";

	static final String PROCESSING = "processing";

	static final String DONE = "done";

	/**
	 * Claims a key unless it is done or holds another claim that has not lapsed; answers {@code claimed},
	 * {@code processing} or {@code done}. A key that already holds the given claim is claimed again (its lapse
	 * renewed): the client re-sent a claim whose answer was lost. ARGV: claim value, processing timeout in ms.
	 */
	private static final RedisScript<String> CLAIM = RedisScript.of("""
			local state = redis.call('HGET', KEYS[1], 'state')
			if state == 'done' then return 'done' end
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			if state and state ~= ARGV[1] then
			  local lapses = tonumber(redis.call('HGET', KEYS[1], 'claim-expires-at'))
			  if lapses and lapses > now then return 'processing' end
			end
			local timeout = tonumber(ARGV[2])
			redis.call('HSET', KEYS[1], 'state', ARGV[1], 'claim-expires-at', now + timeout)
			if redis.call('PTTL', KEYS[1]) < timeout then redis.call('PEXPIRE', KEYS[1], timeout) end
			return 'claimed'
			""", String.class);

	/** Records one handler's completion and keeps the key at least for the TTL. ARGV: field, claim id, TTL in ms. */
	private static final RedisScript<Long> COMPLETE_HANDLER = RedisScript.of("""
			redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
			local ttl = tonumber(ARGV[3])
			if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
			return 1
			""", Long.class);

	/** Replaces the key's state with {@code done} for the TTL. ARGV: TTL in ms. */
	private static final RedisScript<Long> COMPLETE = RedisScript.of("""
			redis.call('DEL', KEYS[1])
			redis.call('HSET', KEYS[1], 'state', 'done')
			redis.call('PEXPIRE', KEYS[1], ARGV[1])
			return 1
			""", Long.class);

	/**
	 * Removes the claim only if the key still holds the given one (a lapsed claim must not free another's); handler
	 * completions stay. ARGV: claim value.
	 */
	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			if redis.call('HGET', KEYS[1], 'state') ~= ARGV[1] then return 0 end
			return redis.call('HDEL', KEYS[1], 'state', 'claim-expires-at')
			""", Long.class);

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final Duration processingTimeout;

	private final Duration ttl;

	/**
	 * Create a store.
	 * @param redis the template (from the application's {@code RedisConnectionFactory})
	 * @param keyPrefix prefix of every key written
	 * @param processingTimeout how long a claim blocks other deliveries of its key
	 * @param ttl how long a completed key, and a handler's recorded completion, is remembered
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
		String state;
		try {
			state = this.redis.execute(CLAIM, List.of(this.keyPrefix + key), claimValue(claimId),
					Long.toString(this.processingTimeout.toMillis()));
		}
		catch (DataAccessException ex) {
			throw new IdempotencyStoreException("Redis idempotency store unavailable (claim)", ex);
		}
		if ("claimed".equals(state)) {
			return ClaimResult.CLAIMED;
		}
		return DONE.equals(state) ? ClaimResult.COMPLETED : ClaimResult.IN_PROGRESS;
	}

	@Override
	public Set<String> completedHandlers(String key) {
		Set<Object> fields;
		try {
			fields = this.redis.opsForHash().keys(this.keyPrefix + key);
		}
		catch (DataAccessException ex) {
			throw new IdempotencyStoreException("Redis idempotency store unavailable (completed handlers)", ex);
		}
		Set<String> handlers = new HashSet<>();
		for (Object field : fields) {
			if (field instanceof String name && name.startsWith(HANDLER_PREFIX)) {
				handlers.add(name.substring(HANDLER_PREFIX.length()));
			}
		}
		return handlers;
	}

	@Override
	public void completeHandler(String key, String claimId, String handlerId) {
		try {
			this.redis.execute(COMPLETE_HANDLER, List.of(this.keyPrefix + key), HANDLER_PREFIX + handlerId, claimId,
					Long.toString(this.ttl.toMillis()));
		}
		catch (DataAccessException ex) {
			throw new IdempotencyStoreException("Redis idempotency store unavailable (complete handler)", ex);
		}
	}

	@Override
	public void complete(String key, String claimId) {
		try {
			this.redis.execute(COMPLETE, List.of(this.keyPrefix + key), Long.toString(this.ttl.toMillis()));
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
