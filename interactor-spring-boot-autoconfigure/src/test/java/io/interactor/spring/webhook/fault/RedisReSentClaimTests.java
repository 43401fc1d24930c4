package io.interactor.spring.webhook.fault;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.interactor.spring.webhook.idempotency.ClaimResult;
import io.interactor.spring.webhook.idempotency.IdempotencyStoreException;
import io.interactor.spring.webhook.idempotency.RedisWebhookIdempotencyStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The cause of claims that blocked redeliveries after a Redis outage: Redis executed a claim, its answer was lost
 * with the connection, and Lettuce re-sent the claim after reconnecting. The re-sent claim must find its own claim
 * and answer {@link ClaimResult#CLAIMED}, not {@link ClaimResult#IN_PROGRESS} (which blocked the key for the whole
 * processing timeout). And the other half of "safe to re-send": a command whose caller gave up is never sent.
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
				await().atMost(Duration.ofSeconds(5))
					.untilAsserted(() -> assertThat(redis.command("HGET", "resent:" + key, "state"))
						.isEqualTo("processing:claim-1"));
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

	@Test
	void claimThatTimedOutWhileRedisWasUnreachableIsNeverSentLater() throws Exception {
		Assumptions.assumeTrue(RedisServerProcess.available(), RedisServerProcess.MISSING_MESSAGE);
		try (RedisServerProcess redis = new RedisServerProcess(false);
				FaultProxy proxy = new FaultProxy(redis.port())) {
			LettuceConnectionFactory factory = new LettuceConnectionFactory(
					new RedisStandaloneConfiguration("127.0.0.1", proxy.port()),
					LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
			factory.afterPropertiesSet();
			factory.start();
			try {
				RedisWebhookIdempotencyStore store = new RedisWebhookIdempotencyStore(new StringRedisTemplate(factory),
						"resent:", Duration.ofMinutes(5), Duration.ofDays(1));
				// the first connection's handshake may take longer than the short timeout on a busy machine
				await().atMost(Duration.ofSeconds(30))
					.ignoreExceptions()
					.until(() -> store.claim("warm-up", "claim-0") == ClaimResult.CLAIMED);
				String key = "evt_" + UUID.randomUUID();
				proxy.refuse(true);
				// Lettuce queues the command while it reconnects; the caller gives up after the command timeout
				assertThatExceptionOfType(IdempotencyStoreException.class).isThrownBy(() -> store.claim(key, "claim-1"));
				proxy.refuse(false);
				// once reconnected, later commands run, but the abandoned claim is never written
				await().atMost(Duration.ofSeconds(30))
					.ignoreExceptions()
					.until(() -> store.claim("after-" + key, "claim-2") == ClaimResult.CLAIMED);
				assertThat(redis.command("EXISTS", "resent:" + key)).isEqualTo(":0");
				assertThat(store.claim(key, "claim-3")).isEqualTo(ClaimResult.CLAIMED);
			}
			finally {
				factory.destroy();
			}
		}
	}

}
