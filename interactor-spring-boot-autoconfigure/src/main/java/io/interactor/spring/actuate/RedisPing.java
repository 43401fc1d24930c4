package io.interactor.spring.actuate;

import java.util.function.BooleanSupplier;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Sends a {@code PING} through a {@link RedisConnectionFactory}: {@code true} when Redis answers, {@code false} when
 * it cannot be reached or answers with an error. Never throws.
 *
 * @since 0.1.0
 */
public final class RedisPing implements BooleanSupplier {

	private final RedisConnectionFactory connectionFactory;

	/**
	 * Create a ping.
	 * @param connectionFactory the factory the idempotency store uses
	 */
	public RedisPing(RedisConnectionFactory connectionFactory) {
		this.connectionFactory = connectionFactory;
	}

	@Override
	public boolean getAsBoolean() {
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			return "PONG".equalsIgnoreCase(connection.ping());
		}
		catch (RuntimeException ex) {
			// Unreachable is the answer, not an error of the health check.
			return false;
		}
	}

}
