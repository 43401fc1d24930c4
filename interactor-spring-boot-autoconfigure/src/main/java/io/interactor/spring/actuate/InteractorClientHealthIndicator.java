package io.interactor.spring.actuate;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import io.interactor.spring.client.auth.AccessToken;
import io.interactor.spring.client.auth.AccessTokenErrors;
import io.interactor.spring.client.auth.AccessTokenProvider;
import io.interactor.spring.client.auth.ClientCredentialsTokenProvider;
import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.util.Assert;

/**
 * Health of the Interactor client: whether an access token can be obtained.
 * <ul>
 * <li>{@code UP} with {@code tokenValid}, {@code expiresInSeconds} and {@code lastTokenLatencyMs} (when the built-in
 * {@link ClientCredentialsTokenProvider} is used).</li>
 * <li>{@code DOWN} with {@code error}, the token endpoint's error code (for example {@code invalid_client}) or an
 * {@link AccessTokenErrors} code.</li>
 * <li>{@code UNKNOWN} with {@code configured=false} when the application has no client credentials: an application
 * that only receives webhooks is healthy without them.</li>
 * </ul>
 * A check never requests a token while the cached one is fresh: it reads the cache of the built-in provider, and a
 * custom {@link AccessTokenProvider} caches by contract. The token itself never appears in the details.
 *
 * @since 0.1.0
 */
public class InteractorClientHealthIndicator implements HealthIndicator {

	/** How long a check waits for a token by default; the client's own timeouts and retries may be longer. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	private final Supplier<@Nullable AccessTokenProvider> tokenProvider;

	private final Duration timeout;

	private final Clock clock;

	/**
	 * Create an indicator.
	 * @param tokenProvider supplies the client's token provider, or {@code null} when the client is not configured;
	 * called on every check so that nothing is created before the first one
	 * @param timeout how long a check waits for a token
	 * @param clock the clock the token expiry is compared with (the token provider's clock)
	 */
	public InteractorClientHealthIndicator(Supplier<@Nullable AccessTokenProvider> tokenProvider, Duration timeout,
			Clock clock) {
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "'timeout' must be positive");
		this.tokenProvider = tokenProvider;
		this.timeout = timeout;
		this.clock = clock;
	}

	@Override
	public Health health() {
		AccessTokenProvider provider;
		try {
			provider = this.tokenProvider.get();
		}
		catch (RuntimeException ex) {
			// The client could not be created (for example an invalid base URL): no token can be obtained.
			return Health.down().withDetail("configured", true).withDetail("error", "client_unavailable").build();
		}
		if (provider == null) {
			return Health.unknown().withDetail("configured", false).build();
		}
		ClientCredentialsTokenProvider builtIn = (provider instanceof ClientCredentialsTokenProvider candidate)
				? candidate : null;
		AccessToken cached = (builtIn != null) ? builtIn.cachedToken() : null;
		if (cached != null && builtIn.isFresh(cached)) {
			return up(cached, builtIn);
		}
		try {
			AccessToken token = provider.getToken().timeout(this.timeout).block();
			Assert.state(token != null, "No token");
			return up(token, builtIn);
		}
		catch (RuntimeException ex) {
			// Only the code: an exception message may quote the server's answer.
			Health.Builder health = Health.down()
				.withDetail("configured", true)
				.withDetail("tokenValid", false)
				.withDetail("error", AccessTokenErrors.codeOf(Exceptions.unwrap(ex)));
			addLatency(health, builtIn);
			return health.build();
		}
	}

	private Health up(AccessToken token, @Nullable ClientCredentialsTokenProvider builtIn) {
		long secondsLeft = Math.max(0, Duration.between(this.clock.instant(), token.expiresAt()).toSeconds());
		Health.Builder health = Health.up()
			.withDetail("configured", true)
			.withDetail("tokenValid", true)
			.withDetail("expiresInSeconds", secondsLeft);
		addLatency(health, builtIn);
		return health.build();
	}

	private static void addLatency(Health.Builder health, @Nullable ClientCredentialsTokenProvider builtIn) {
		Duration latency = (builtIn != null) ? builtIn.lastRequestDuration() : null;
		if (latency != null) {
			health.withDetail("lastTokenLatencyMs", latency.toMillis());
		}
	}

}
