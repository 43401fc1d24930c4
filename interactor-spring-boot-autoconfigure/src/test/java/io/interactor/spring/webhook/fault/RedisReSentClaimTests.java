package io.interactor.spring.webhook.fault;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.interactor.spring.webhook.idempotency.ClaimResult;
import io.interactor.spring.webhook.idempotency.RedisWebhookIdempotencyStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cause of claims that blocked redeliveries after a Redis outage: Redis executed a claim, its answer was lost
 * with the connection, and Lettuce re-sent the claim after reconnecting. The re-sent claim must find its own claim
 * and answer {@link ClaimResult#CLAIMED}, not {@link ClaimResult#IN_PROGRESS} (which blocked the key for the whole
 * processing timeout).
 */
class RedisReSentClaimTests {

	@Test
	void claimReSentAfterItsAnswerWasLostIsClaimed() throws Exception {
		Assumptions.assumeTrue(RedisServerProcess.available(), RedisServerProcess.MISSING_MESSAGE);
		try (RedisServerProcess redis = new RedisServerProcess(false);
				FaultProxy proxy = new FaultProxy(redis.port())) {
			LettuceConnectionFactory factory = new LettuceConnectionFactory(
					new RedisStandaloneConfiguration("127.0.0.1", proxy.port()),
					LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(5)).build());
			factory.afterPropertiesSet();
			factory.start();
			try {
				RedisWebhookIdempotencyStore store = new RedisWebhookIdempotencyStore(new StringRedisTemplate(factory),
						"resent:", Duration.ofMinutes(5), Duration.ofDays(1));
				// warm up: the connection exists and the script is loaded
				assertThat(store.claim("warm-up", "claim-0")).isEqualTo(ClaimResult.CLAIMED);
				String key = "evt_" + UUID.randomUUID();
				proxy.loseAnswers(true);
				CompletableFuture<ClaimResult> claim = CompletableFuture.supplyAsync(() -> store.claim(key, "claim-1"));
				// Redis has executed the claim: the key holds it although the caller has no answer yet
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
				while (!"processing:claim-1".equals(redis.command("HGET", "resent:" + key, "state"))
						&& System.nanoTime() < deadline) {
					Thread.sleep(10);
				}
				assertThat(redis.command("HGET", "resent:" + key, "state")).isEqualTo("processing:claim-1");
				// closed in order, as a Redis shutting down does (a reset fails the command instead)
				proxy.closeConnections();
				proxy.loseAnswers(false);
				// Lettuce reconnects and re-sends the claim, which runs a second time
				assertThat(claim.get(10, TimeUnit.SECONDS)).isEqualTo(ClaimResult.CLAIMED);
				assertThat(store.claim(key, "claim-2")).isEqualTo(ClaimResult.IN_PROGRESS);
			}
			finally {
				factory.destroy();
			}
		}
	}

}
