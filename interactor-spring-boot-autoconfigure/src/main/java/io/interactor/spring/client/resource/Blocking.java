package io.interactor.spring.client.resource;

import io.interactor.spring.client.error.InteractorException;
import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

/**
 * Turns the reactive calls into blocking ones for the blocking resource classes. A call fails with an
 * {@link InteractorException} only: the reactive call signals nothing else, and a wait interrupted by
 * {@link Thread#interrupt()} cancels the call (closing its connection) and becomes one too, with the thread's
 * interrupt status kept set.
 */
final class Blocking {

	private Blocking() {
	}

	/**
	 * Wait for a result that the endpoint always returns.
	 * @param <T> the result type
	 * @param call the call
	 * @return the result
	 * @throws InteractorException if the call fails, is interrupted, or the response had no body
	 */
	static <T> T require(Mono<T> call) {
		T result = await(call);
		if (result == null) {
			throw new InteractorException("The Interactor API returned no content where a result was expected");
		}
		return result;
	}

	/**
	 * Wait for a call that returns nothing.
	 * @param call the call
	 * @throws InteractorException if the call fails or is interrupted
	 */
	static void run(Mono<?> call) {
		await(call);
	}

	private static <T> @Nullable T await(Mono<T> call) {
		try {
			return call.block();
		}
		catch (InteractorException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			Throwable cause = Exceptions.unwrap(ex);
			if (cause instanceof InterruptedException) {
				Thread.currentThread().interrupt();
				throw new InteractorException("Interrupted while waiting for the Interactor API; the call was cancelled",
						cause);
			}
			throw new InteractorException("The Interactor call failed (" + cause.getClass().getSimpleName() + ")",
					cause);
		}
	}

}
