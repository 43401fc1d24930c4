package io.interactor.spring.actuate;

import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the webhook endpoint: whether a secret is configured (never the secret), how many handlers are
 * registered, the idempotency store type and, for the Redis store, whether Redis answers a {@code PING}.
 * <p>
 * {@code DOWN} only when Redis is unreachable, because every delivery is then answered 503 (the pipeline fails
 * closed rather than risk processing an event twice).
 *
 * @since 0.1.0
 */
public class InteractorWebhookHealthIndicator implements HealthIndicator {

	private final WebhookComponents webhooks;

	private final @Nullable BooleanSupplier redisPing;

	/**
	 * Create an indicator.
	 * @param webhooks the webhook pipeline
	 * @param redisPing pings the Redis the store uses, or {@code null} when the store is not the Redis store
	 */
	public InteractorWebhookHealthIndicator(WebhookComponents webhooks, @Nullable BooleanSupplier redisPing) {
		this.webhooks = webhooks;
		this.redisPing = redisPing;
	}

	@Override
	public Health health() {
		Health.Builder health = Health.up()
			.withDetail("secretConfigured", this.webhooks.verifier().hasSecrets())
			.withDetail("handlerCount", this.webhooks.registry().getHandlers().size())
			.withDetail("idempotencyStore", this.webhooks.storeType());
		if (this.redisPing != null) {
			boolean reachable = this.redisPing.getAsBoolean();
			health.withDetail("redisReachable", reachable);
			if (!reachable) {
				health.down();
			}
		}
		return health.build();
	}

}
