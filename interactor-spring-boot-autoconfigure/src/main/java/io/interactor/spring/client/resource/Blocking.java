package io.interactor.spring.client.resource;

import io.interactor.spring.client.error.InteractorException;
import reactor.core.publisher.Mono;

/**
 * Turns the reactive calls into blocking ones for the blocking resource classes.
 */
final class Blocking {

	private Blocking() {
	}

	/**
	 * Wait for a result that the endpoint always returns.
	 * @param <T> the result type
	 * @param call the call
	 * @return the result
	 * @throws InteractorException if the call fails or the response had no body
	 */
	static <T> T require(Mono<T> call) {
		T result = call.block();
		if (result == null) {
			throw new InteractorException("The Interactor API returned no content where a result was expected");
		}
		return result;
	}

}
