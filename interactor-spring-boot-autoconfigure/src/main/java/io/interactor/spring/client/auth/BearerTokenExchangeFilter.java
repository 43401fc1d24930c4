package io.interactor.spring.client.auth;

import io.interactor.spring.client.error.InteractorError;
import io.interactor.spring.client.error.InteractorErrorParser;
import io.interactor.spring.client.http.ErrorResponseMapper;
import io.interactor.spring.client.http.CoreApiClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Adds {@code Authorization: Bearer} from an {@link AccessTokenProvider}. When the Core API answers 401, the
 * rejected token is invalidated and the request is sent once more with a fresh token, unless the error says the
 * client credentials themselves were refused ({@code invalid_client}, ...), where a new token cannot help.
 *
 * @since 0.1.0
 */
public final class BearerTokenExchangeFilter implements ExchangeFilterFunction {

	private static final Log logger = LogFactory.getLog(BearerTokenExchangeFilter.class);

	private static final byte[] EMPTY = new byte[0];

	private final AccessTokenProvider tokenProvider;

	private final InteractorErrorParser errorParser;

	public BearerTokenExchangeFilter(AccessTokenProvider tokenProvider, InteractorErrorParser errorParser) {
		this.tokenProvider = tokenProvider;
		this.errorParser = errorParser;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return this.tokenProvider.getToken()
			.flatMap((token) -> next.exchange(authorize(request, token))
				.flatMap((response) -> (response.statusCode().value() != 401) ? Mono.just(response)
						: retryUnauthorized(request, next, token, response)));
	}

	private Mono<ClientResponse> retryUnauthorized(ClientRequest request, ExchangeFunction next, AccessToken token,
			ClientResponse response) {
		return response.bodyToMono(byte[].class).defaultIfEmpty(EMPTY).flatMap((body) -> {
			HttpHeaders headers = response.headers().asHttpHeaders();
			InteractorError error = this.errorParser.parse(401, headers, body);
			if (error.isCredentialError()) {
				// passed on with the parsed error, so that the error mapping does not parse the body again
				return Mono.just(ErrorResponseMapper.withParsedError(response, body, error));
			}
			if (logger.isDebugEnabled()) {
				logger.debug("Interactor answered 401 (" + error.code() + ") to " + request.method() + " "
						+ CoreApiClient.describe(request) + "; retrying once with a new access token");
			}
			this.tokenProvider.invalidate(token);
			return this.tokenProvider.getToken().flatMap((fresh) -> next.exchange(authorize(request, fresh)));
		});
	}

	private static ClientRequest authorize(ClientRequest request, AccessToken token) {
		return ClientRequest.from(request).headers((headers) -> headers.setBearerAuth(token.value())).build();
	}

}
