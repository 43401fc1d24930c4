package io.interactor.spring.actuate;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Lettuce connection factories for tests; the context closes them.
 */
final class RedisFactories {

	private RedisFactories() {
	}

	static LettuceConnectionFactory lettuce(String host, int port) {
		return new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port));
	}

}
