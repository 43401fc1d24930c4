package io.interactor.spring.client.auth;

import java.util.concurrent.TimeoutException;

import io.interactor.spring.client.error.InteractorApiException;
import io.interactor.spring.client.error.InteractorException;
import io.interactor.spring.client.error.InteractorNetworkException;
import io.interactor.spring.client.error.InteractorTimeoutException;

/**
 * Short, stable codes for why a token could not be obtained, for health details and diagnostics. A code never
 * carries the token, the client secret or response content.
 *
 * @since 0.1.0
 */
public final class AccessTokenErrors {

	/** The token endpoint could not be reached (connection refused, DNS, TLS, I/O after retries). */
	public static final String NETWORK_ERROR = "network_error";

	/** No answer within the allowed time. */
	public static final String TIMEOUT = "timeout";

	/** The token endpoint answered 2xx with a body that holds no usable token. */
	public static final String INVALID_TOKEN_RESPONSE = "invalid_token_response";

	/** Any other failure. */
	public static final String UNKNOWN = "token_error";

	private AccessTokenErrors() {
	}

	/**
	 * The code of a token failure: the server's error code (for example {@code invalid_client}) for an error
	 * response, else one of the constants of this class.
	 * @param failure what the token request failed with
	 * @return the code
	 */
	public static String codeOf(Throwable failure) {
		if (failure instanceof InteractorApiException apiException) {
			return apiException.code();
		}
		if (failure instanceof InteractorTimeoutException || failure instanceof TimeoutException) {
			return TIMEOUT;
		}
		if (failure instanceof InteractorNetworkException) {
			return NETWORK_ERROR;
		}
		if (failure instanceof InteractorException) {
			return INVALID_TOKEN_RESPONSE;
		}
		return UNKNOWN;
	}

}
