package io.interactor.spring.test;

import io.interactor.spring.test.RedisCondition.RedisServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RedisCondition}'s choice of Redis server. The Docker branch starts a container and cannot run
 * without a Docker engine, so it is not covered here.
 */
class RedisConditionTests {

	@Test
	void withoutDockerUsesRedisUrl() {
		assertThat(RedisCondition.resolve("redis://127.0.0.1:6380", false))
			.isEqualTo(new RedisServer("127.0.0.1", 6380, "REDIS_URL"));
	}

	@Test
	void redisUrlWithoutPortUsesTheDefaultPort() {
		assertThat(RedisCondition.resolve("redis://redis.internal", false))
			.isEqualTo(new RedisServer("redis.internal", 6379, "REDIS_URL"));
	}

	@Test
	void withoutDockerOrRedisUrlThereIsNoServer() {
		assertThat(RedisCondition.resolve(null, false)).isNull();
		assertThat(RedisCondition.resolve(" ", false)).isNull();
	}

}
