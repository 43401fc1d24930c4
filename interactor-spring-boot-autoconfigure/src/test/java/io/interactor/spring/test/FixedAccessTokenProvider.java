package io.interactor.spring.test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.interactor.spring.client.auth.AccessToken;
import io.interactor.spring.client.auth.AccessTokenProvider;
import reactor.core.publisher.Mono;

/**
 * A token provider for tests whose subject is not the token endpoint: hands out {@code token-1}, and after the
 * current token is invalidated (a Core API {@code 401}) {@code token-2}, and so on, without any HTTP.
 */
public final class FixedAccessTokenProvider implements AccessTokenProvider {

	private final AtomicInteger issued = new AtomicInteger();

	private final AtomicReference<AccessToken> current = new AtomicReference<>();

	@Override
	public Mono<AccessToken> getToken() {
		return Mono.fromSupplier(() -> this.current.updateAndGet((token) -> (token != null) ? token
				: new AccessToken("token-" + this.issued.incrementAndGet(), Instant.now(),
						Instant.now().plusSeconds(900), null)));
	}

	@Override
	public void invalidate(AccessToken token) {
		this.current.compareAndSet(token, null);
	}

	/**
	 * How many tokens were handed out: what a token endpoint would have counted as requests.
	 * @return the number of tokens issued
	 */
	public int issued() {
		return this.issued.get();
	}

}
