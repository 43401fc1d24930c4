package io.interactor.spring.client.http;

import java.time.Clock;
import java.time.Duration;

import io.interactor.spring.client.error.InteractorApiException;
import io.interactor.spring.client.error.InteractorAuthenticationException;
import io.interactor.spring.client.error.InteractorConflictException;
import io.interactor.spring.client.error.InteractorError;
import io.interactor.spring.client.error.InteractorErrorParser;
import io.interactor.spring.client.error.InteractorForbiddenException;
import io.interactor.spring.client.error.InteractorGoneException;
import io.interactor.spring.client.error.InteractorNotFoundException;
import io.interactor.spring.client.error.InteractorRateLimitException;
import io.interactor.spring.client.error.InteractorServerException;
import io.interactor.spring.client.error.InteractorValidationException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.support.ClientResponseWrapper;

/**
 * Maps an error response to the {@link InteractorApiException} subclass for its status.
 *
 * @since 0.1.0
 */
public final class ErrorResponseMapper {

	private final InteractorErrorParser parser;

	private final Clock clock;

	public ErrorResponseMapper(JsonMapper jsonMapper, Clock clock) {
		this.parser = new InteractorErrorParser(jsonMapper);
		this.clock = clock;
	}

	/**
	 * The parser used for error bodies.
	 * @return the parser
	 */
	public InteractorErrorParser parser() {
		return this.parser;
	}

	/**
	 * The exception for a Core API error response.
	 * @param status the HTTP status
	 * @param headers the response headers
	 * @param body the raw body
	 * @return the exception
	 */
	public InteractorApiException coreApiError(int status, HttpHeaders headers, byte[] body) {
		return toException(status, headers, body, this.parser.parse(status, headers, body));
	}

	/**
	 * The exception for a Core API error response, reusing the error a filter already parsed from the same body
	 * (see {@link #withParsedError}) instead of parsing it again.
	 * @param response the response
	 * @param body its raw body
	 * @return the exception
	 */
	public InteractorApiException coreApiError(ClientResponse response, byte[] body) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		InteractorError error = (response instanceof ParsedErrorResponse parsed) ? parsed.error
				: this.parser.parse(status, headers, body);
		return toException(status, headers, body, error);
	}

	/**
	 * A response to pass on after a filter read and parsed its error body: the body can be read again, and
	 * {@link #coreApiError(ClientResponse, byte[])} maps it without parsing it a second time.
	 * @param response the response whose body was consumed
	 * @param body the raw body that was read
	 * @param error what the body was parsed into
	 * @return the response to pass on
	 */
	public static ClientResponse withParsedError(ClientResponse response, byte[] body, InteractorError error) {
		ClientResponse readable = response.mutate()
			.body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)))
			.build();
		return new ParsedErrorResponse(readable, error);
	}

	private InteractorApiException toException(int status, HttpHeaders headers, byte[] body, InteractorError error) {
		return switch (status) {
			case 400, 422 -> new InteractorValidationException(status, error, headers, body);
			case 401 -> new InteractorAuthenticationException(status, error, headers, body);
			case 403 -> new InteractorForbiddenException(status, error, headers, body);
			case 404 -> new InteractorNotFoundException(status, error, headers, body);
			case 409 -> new InteractorConflictException(status, error, headers, body);
			case 410 -> new InteractorGoneException(status, error, headers, body);
			case 429 -> new InteractorRateLimitException(status, error, headers, body, retryAfter(headers, error));
			default -> (status >= 500) ? new InteractorServerException(status, error, headers, body)
					: new InteractorApiException(status, error, headers, body);
		};
	}

	/**
	 * The exception for a token-endpoint error response: refused credentials are authentication failures whatever
	 * their status, the rest maps like a Core API error.
	 * @param status the HTTP status
	 * @param headers the response headers
	 * @param body the raw body
	 * @return the exception
	 */
	public InteractorApiException tokenEndpointError(int status, HttpHeaders headers, byte[] body) {
		InteractorError error = this.parser.parse(status, headers, body);
		if (status == 401 || status == 403 || error.isCredentialError()) {
			return new InteractorAuthenticationException(status, error, headers, body);
		}
		return toException(status, headers, body, error);
	}

	private @Nullable Duration retryAfter(HttpHeaders headers, InteractorError error) {
		Duration header = RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER), this.clock);
		if (header != null) {
			return header;
		}
		return (error.retryAfterSeconds() != null) ? Duration.ofSeconds(error.retryAfterSeconds()) : null;
	}

	/** A response carrying the error already parsed from its body. */
	private static final class ParsedErrorResponse extends ClientResponseWrapper {

		private final InteractorError error;

		ParsedErrorResponse(ClientResponse delegate, InteractorError error) {
			super(delegate);
			this.error = error;
		}

	}

}
