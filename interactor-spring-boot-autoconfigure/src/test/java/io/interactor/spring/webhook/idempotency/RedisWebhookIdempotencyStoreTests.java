package io.interactor.spring.webhook.idempotency;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.interactor.spring.test.EnabledIfRedis;
import io.interactor.spring.test.RedisCondition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@EnabledIfRedis
class RedisWebhookIdempotencyStoreTests extends AbstractIdempotencyStoreTests {

	private static final String PREFIX = "interactor:webhook:test:";

	private LettuceConnectionFactory connectionFactory;

	private StringRedisTemplate redis;

	private RedisWebhookIdempotencyStore store;

	@BeforeEach
	void setUp() {
		this.connectionFactory = RedisCondition.connectionFactory();
		this.redis = new StringRedisTemplate(this.connectionFactory);
		this.store = new RedisWebhookIdempotencyStore(this.redis, PREFIX, Duration.ofMinutes(5), Duration.ofDays(7));
	}

	@AfterEach
	void tearDown() {
		this.connectionFactory.destroy();
	}

	@Override
	protected WebhookIdempotencyStore store() {
		return this.store;
	}

	@Test
	void writesPrefixedKeysWithTheConfiguredExpiry() {
		String key = key();
		this.store.claim(key, "claim-1");
		assertThat(this.redis.opsForHash().get(PREFIX + key, "state")).isEqualTo("processing:claim-1");
		assertThat(this.redis.getExpire(PREFIX + key, TimeUnit.SECONDS)).isBetween(290L, 300L);
		this.store.complete(key, "claim-1");
		assertThat(this.redis.opsForHash().get(PREFIX + key, "state")).isEqualTo("done");
		assertThat(this.redis.getExpire(PREFIX + key, TimeUnit.SECONDS)).isBetween(Duration.ofDays(7).toSeconds() - 10,
				Duration.ofDays(7).toSeconds());
		String failed = key();
		this.store.claim(failed, "claim-2");
		this.store.release(failed, "claim-2");
		assertThat(this.redis.hasKey(PREFIX + failed)).isFalse();
	}

	@Test
	void claimLapsesAfterProcessingTimeout() {
		RedisWebhookIdempotencyStore shortClaims = new RedisWebhookIdempotencyStore(this.redis, PREFIX,
				Duration.ofMillis(200), Duration.ofDays(7));
		String key = key();
		assertThat(shortClaims.claim(key, "claim-1")).isEqualTo(ClaimResult.CLAIMED);
		assertThat(shortClaims.claim(key, "claim-2")).isEqualTo(ClaimResult.IN_PROGRESS);
		await().atMost(Duration.ofSeconds(5)).until(() -> shortClaims.claim(key, "claim-3") == ClaimResult.CLAIMED);
		// The first delivery fails late: its release must not free the claim taken after its own lapsed.
		shortClaims.release(key, "claim-1");
		assertThat(this.redis.opsForHash().get(PREFIX + key, "state")).isEqualTo("processing:claim-3");
	}

	@Test
	void completedKeyExpiresAfterTtl() {
		RedisWebhookIdempotencyStore shortTtl = new RedisWebhookIdempotencyStore(this.redis, PREFIX,
				Duration.ofMinutes(5), Duration.ofMillis(200));
		String key = key();
		shortTtl.claim(key, "claim-1");
		shortTtl.complete(key, "claim-1");
		assertThat(shortTtl.claim(key, "claim-2")).isEqualTo(ClaimResult.COMPLETED);
		await().atMost(Duration.ofSeconds(5)).until(() -> shortTtl.claim(key, "claim-3") == ClaimResult.CLAIMED);
	}

	@Test
	void handlerCompletionsAreFieldsOfTheKeyKeptForTheTtl() {
		String key = key();
		this.store.claim(key, "claim-1");
		this.store.completeHandler(key, "claim-1", HANDLER_A);
		assertThat(this.redis.opsForHash().get(PREFIX + key, "handler:" + HANDLER_A)).isEqualTo("claim-1");
		assertThat(this.redis.getExpire(PREFIX + key, TimeUnit.SECONDS))
			.isBetween(Duration.ofDays(7).toSeconds() - 10, Duration.ofDays(7).toSeconds());
		this.store.release(key, "claim-1");
		assertThat(this.redis.opsForHash().keys(PREFIX + key)).containsExactly("handler:" + HANDLER_A);
		assertThat(this.redis.getExpire(PREFIX + key, TimeUnit.SECONDS))
			.isBetween(Duration.ofDays(7).toSeconds() - 10, Duration.ofDays(7).toSeconds());
		this.store.claim(key, "claim-2");
		this.store.complete(key, "claim-2");
		assertThat(this.redis.opsForHash().entries(PREFIX + key)).containsOnly(java.util.Map.entry("state", "done"));
	}

	@Test
	void handlerCompletionsOutliveALapsedClaim() {
		RedisWebhookIdempotencyStore shortClaims = new RedisWebhookIdempotencyStore(this.redis, PREFIX,
				Duration.ofMillis(200), Duration.ofDays(7));
		String key = key();
		shortClaims.claim(key, "claim-1");
		shortClaims.completeHandler(key, "claim-1", HANDLER_A);
		// the instance crashed before finishing: the claim lapses although the key lives on for the completion
		assertThat(shortClaims.claim(key, "claim-2")).isEqualTo(ClaimResult.IN_PROGRESS);
		await().atMost(Duration.ofSeconds(5)).until(() -> shortClaims.claim(key, "claim-3") == ClaimResult.CLAIMED);
		assertThat(shortClaims.completedHandlers(key)).containsExactly(HANDLER_A);
		shortClaims.release(key, "claim-1");
		assertThat(this.redis.opsForHash().get(PREFIX + key, "state")).isEqualTo("processing:claim-3");
	}

	@Test
	void handlerCompletionsExpireAfterTtl() {
		RedisWebhookIdempotencyStore shortTtl = new RedisWebhookIdempotencyStore(this.redis, PREFIX,
				Duration.ofMillis(100), Duration.ofMillis(300));
		String key = key();
		shortTtl.claim(key, "claim-1");
		shortTtl.completeHandler(key, "claim-1", HANDLER_A);
		shortTtl.release(key, "claim-1");
		assertThat(shortTtl.completedHandlers(key)).containsExactly(HANDLER_A);
		await().atMost(Duration.ofSeconds(5)).until(() -> shortTtl.completedHandlers(key).isEmpty());
		assertThat(this.redis.hasKey(PREFIX + key)).isFalse();
		assertThat(shortTtl.claim(key, "claim-2")).isEqualTo(ClaimResult.CLAIMED);
	}

	@Test
	void unreachableRedisIsReportedAsStoreException() {
		LettuceConnectionFactory nowhere = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
		nowhere.afterPropertiesSet();
		nowhere.start();
		try {
			RedisWebhookIdempotencyStore down = new RedisWebhookIdempotencyStore(new StringRedisTemplate(nowhere),
					PREFIX, Duration.ofMinutes(5), Duration.ofDays(7));
			assertThatExceptionOfType(IdempotencyStoreException.class).isThrownBy(() -> down.claim("a", "claim-1"));
			assertThatExceptionOfType(IdempotencyStoreException.class)
				.isThrownBy(() -> down.completedHandlers("a"));
			assertThatExceptionOfType(IdempotencyStoreException.class)
				.isThrownBy(() -> down.completeHandler("a", "claim-1", HANDLER_A));
		}
		finally {
			nowhere.destroy();
		}
	}

}
