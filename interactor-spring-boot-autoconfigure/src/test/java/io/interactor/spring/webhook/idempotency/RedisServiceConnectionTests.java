package io.interactor.spring.webhook.idempotency;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Testing with Redis" recipe: a Testcontainers Redis container wired through {@code @ServiceConnection}
 * makes the auto-configured idempotency store the Redis one. Needs a Docker engine; skipped without one.
 */
@SpringBootTest(classes = RedisServiceConnectionTests.App.class, webEnvironment = WebEnvironment.NONE,
		properties = "interactor.webhook.secret=whsec_test")
@Testcontainers(disabledWithoutDocker = true)
class RedisServiceConnectionTests {

	@Container
	@ServiceConnection
	static GenericContainer<?> redis = new GenericContainer<>("redis:7.4-alpine").withExposedPorts(6379);

	@Autowired
	private WebhookIdempotencyStore idempotencyStore;

	@Autowired
	private StringRedisTemplate redisTemplate;

	@Test
	void idempotencyStoreUsesTheContainersRedis() {
		assertThat(this.idempotencyStore).isInstanceOf(RedisWebhookIdempotencyStore.class);
		assertThat(this.redisTemplate.execute((RedisCallback<String>) (connection) -> connection.ping())).isEqualTo("PONG");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
