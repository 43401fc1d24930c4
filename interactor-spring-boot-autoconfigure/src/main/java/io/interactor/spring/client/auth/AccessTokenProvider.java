package io.interactor.spring.client.auth;

import reactor.core.publisher.Mono;

/**
 * Supplies the bearer token for Core API calls. Implementations cache tokens and make sure concurrent callers do
 * not each fetch one. Register a bean of this type to replace the built-in
 * {@link ClientCredentialsTokenProvider}, for example with a token shared through a distributed cache.
 *
 * @since 0.1.0
 */
public interface AccessTokenProvider {

	/**
	 * A token valid for at least the configured refresh margin, fetching one if needed.
	 * @return the token; errors with an {@link io.interactor.spring.client.error.InteractorException}
	 */
	Mono<AccessToken> getToken();

	/**
	 * Forget {@code token} because the Core API rejected it. A later {@link #getToken()} fetches a new one. Has no
	 * effect if a different token is cached by now.
	 * @param token the rejected token
	 */
	void invalidate(AccessToken token);

}
