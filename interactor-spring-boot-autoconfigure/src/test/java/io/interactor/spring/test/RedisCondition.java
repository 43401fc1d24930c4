package io.interactor.spring.test;

import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.util.StringUtils;

/**
 * Finds a Redis server for the Redis tests, once per test run, in this order: a Testcontainers Redis container when a
 * Docker engine is available; else the server the environment variable {@code REDIS_URL} names (CI sets
 * {@code redis://127.0.0.1:6379}); else none, and the tests are skipped with a message printed once on the console.
 * Provides the server's host, port and connection factories to the tests.
 */
public final class RedisCondition implements ExecutionCondition {

	static final String SKIPPED_MESSAGE = "Redis tests skipped: no Docker engine and no REDIS_URL "
			+ "(start Docker, or set e.g. REDIS_URL=redis://127.0.0.1:6379)";

	private static final DockerImageName REDIS_IMAGE = DockerImageName.parse("redis:7.4-alpine");

	private static final int REDIS_PORT = 6379;

	private static final AtomicBoolean skipReported = new AtomicBoolean();

	private static @Nullable RedisServer server;

	private static boolean resolved;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		RedisServer found = server();
		if (found == null) {
			// Surefire keeps a skip reason in its XML report only; say it where a developer looks.
			if (skipReported.compareAndSet(false, true)) {
				System.out.println(SKIPPED_MESSAGE);
			}
			return ConditionEvaluationResult.disabled(SKIPPED_MESSAGE);
		}
		return ConditionEvaluationResult.enabled("Redis from " + found.source());
	}

	public static String host() {
		return requiredServer().host();
	}

	public static int port() {
		return requiredServer().port();
	}

	public static LettuceConnectionFactory connectionFactory() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(host(), port()));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	private static RedisServer requiredServer() {
		RedisServer found = server();
		if (found == null) {
			throw new IllegalStateException(SKIPPED_MESSAGE);
		}
		return found;
	}

	private static synchronized @Nullable RedisServer server() {
		if (!resolved) {
			server = resolve(System.getenv("REDIS_URL"), dockerAvailable());
			resolved = true;
		}
		return server;
	}

	static @Nullable RedisServer resolve(@Nullable String redisUrl, boolean dockerAvailable) {
		if (dockerAvailable) {
			return startContainer();
		}
		if (StringUtils.hasText(redisUrl)) {
			URI uri = URI.create(redisUrl);
			return new RedisServer(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : REDIS_PORT, "REDIS_URL");
		}
		return null;
	}

	private static boolean dockerAvailable() {
		// Answers quickly (no retries) when there is no Docker engine.
		return DockerClientFactory.instance().isDockerAvailable();
	}

	private static RedisServer startContainer() {
		// One container for the whole run; Testcontainers removes it when the JVM exits.
		GenericContainer<?> container = new GenericContainer<>(REDIS_IMAGE).withExposedPorts(REDIS_PORT);
		container.start();
		return new RedisServer(container.getHost(), container.getMappedPort(REDIS_PORT), "a Testcontainers container");
	}

	record RedisServer(String host, int port, String source) {
	}

}
