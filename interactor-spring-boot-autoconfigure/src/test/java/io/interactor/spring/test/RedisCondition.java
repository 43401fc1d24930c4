package io.interactor.spring.test;

import java.net.URI;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.util.StringUtils;

/**
 * Enables tests when {@code REDIS_URL} is set; provides connection factories for it.
 */
public final class RedisCondition implements ExecutionCondition {

	public static String redisUrl() {
		return System.getenv("REDIS_URL");
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String url = redisUrl();
		if (!StringUtils.hasText(url)) {
			return ConditionEvaluationResult.disabled("REDIS_URL is not set (e.g. redis://127.0.0.1:6379): "
					+ "Redis tests skipped; no Docker here for Testcontainers");
		}
		return ConditionEvaluationResult.enabled("Redis at REDIS_URL");
	}

	public static String host() {
		return URI.create(redisUrl()).getHost();
	}

	public static int port() {
		int port = URI.create(redisUrl()).getPort();
		return (port > 0) ? port : 6379;
	}

	public static LettuceConnectionFactory connectionFactory() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(host(), port()));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

}
