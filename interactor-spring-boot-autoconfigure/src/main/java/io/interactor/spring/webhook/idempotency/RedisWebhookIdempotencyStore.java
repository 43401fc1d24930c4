package io.interactor.spring.webhook.idempotency;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DigestUtils;
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
 * Each operation is one round trip: the claim returns the completed handlers with it
 * ({@link #claimWithCompletedHandlers}), and the last handler's completion is the key's completion
 * ({@link #completeWithHandler}), so a delivery costs one round trip more than it has handlers to run. The scripts
 * are sent by their SHA-1 ({@code EVALSHA}); only the first call after Redis lost its script cache sends a script's
 * text. Concurrent deliveries share the template's connection (Lettuce pipelines their commands on it).
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
	 * Claims a key unless it is done or holds another claim that has not lapsed, and reads its completed handlers;
	 * answers {@code {'done'}}, {@code {'processing'}} or {@code {'claimed', <handler id>...}}. A key that already
	 * holds the given claim is claimed again (its lapse renewed): the client re-sent a claim whose answer was lost.
	 * ARGV: claim value, processing timeout in ms.
	 */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> CLAIM = LuaScript.of("""
			local state = redis.call('HGET', KEYS[1], 'state')
			if state == 'done' then return {'done'} end
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			if state and state ~= ARGV[1] then
			  local lapses = tonumber(redis.call('HGET', KEYS[1], 'claim-expires-at'))
			  if lapses and lapses > now then return {'processing'} end
			end
			local timeout = tonumber(ARGV[2])
			redis.call('HSET', KEYS[1], 'state', ARGV[1], 'claim-expires-at', now + timeout)
			if redis.call('PTTL', KEYS[1]) < timeout then redis.call('PEXPIRE', KEYS[1], timeout) end
			local answer = {'claimed'}
			for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
			  if string.sub(field, 1, 8) == 'handler:' then answer[#answer + 1] = string.sub(field, 9) end
			end
			return answer
			""", List.class);

	/** Records one handler's completion and keeps the key at least for the TTL. ARGV: field, claim id, TTL in ms. */
	private static final RedisScript<Long> COMPLETE_HANDLER = LuaScript.of("""
			redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
			local ttl = tonumber(ARGV[3])
			if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
			return 1
			""", Long.class);

	/**
	 * Replaces the key's state with {@code done} for the TTL; the handler completions go with it, since a done key
	 * runs no handler. Also the completion of the last handler, which needs no field of its own. ARGV: TTL in ms.
	 */
	private static final RedisScript<Long> COMPLETE = LuaScript.of("""
			redis.call('DEL', KEYS[1])
			redis.call('HSET', KEYS[1], 'state', 'done')
			redis.call('PEXPIRE', KEYS[1], ARGV[1])
			return 1
			""", Long.class);

	/**
	 * Removes the claim only if the key still holds the given one (a lapsed claim must not free another's); handler
	 * completions stay. ARGV: claim value.
	 */
	private static final RedisScript<Long> RELEASE = LuaScript.of("""
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
		return claimWithCompletedHandlers(key, claimId).result();
	}

	/**
	 * Claim a key and read its completed handlers in one round trip (one script).
	 */
	@Override
	public Claim claimWithCompletedHandlers(String key, String claimId) {
		List<?> answer;
		try {
			answer = this.redis.execute(CLAIM, List.of(this.keyPrefix + key),
					claimValue(claimId), Long.toString(this.processingTimeout.toMillis()));
		}
		catch (DataAccessException ex) {
			throw new IdempotencyStoreException("Redis idempotency store unavailable (claim)", ex);
		}
		Assert.state(answer != null && !answer.isEmpty(), "Redis idempotency store answered no claim state");
		Object state = answer.get(0);
		if ("claimed".equals(state)) {
			if (answer.size() == 1) {
				return Claim.claimed(Set.of());
			}
			Set<String> handlers = new HashSet<>(answer.size() - 1);
			for (int i = 1; i < answer.size(); i++) {
				handlers.add((String) answer.get(i));
			}
			return Claim.claimed(handlers);
		}
		return Claim.notClaimed(DONE.equals(state) ? ClaimResult.COMPLETED : ClaimResult.IN_PROGRESS);
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

	/**
	 * Complete the key in one round trip: completing it replaces its recorded handler completions, so the last
	 * handler's needs no write of its own.
	 */
	@Override
	public void completeWithHandler(String key, String claimId, String handlerId) {
		complete(key, claimId);
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

	/**
	 * A script whose SHA-1 is computed once: {@code RedisScript.of} computes it lazily under a lock taken on every
	 * call, which every delivery thread would contend for.
	 */
	private record LuaScript<T>(String script, String sha1, Class<T> resultType) implements RedisScript<T> {

		static <T> LuaScript<T> of(String script, Class<T> resultType) {
			return new LuaScript<>(script, DigestUtils.sha1DigestAsHex(script), resultType);
		}

		@Override
		public String getSha1() {
			return this.sha1;
		}

		@Override
		public Class<T> getResultType() {
			return this.resultType;
		}

		@Override
		public String getScriptAsString() {
			return this.script;
		}

	}

}
