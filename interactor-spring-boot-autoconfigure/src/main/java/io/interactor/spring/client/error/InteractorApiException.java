package io.interactor.spring.client.error;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;

/**
 * The Interactor platform answered with an error status. Carries everything the response said: status, the
 * server's machine-readable code, its message, details, the request id to quote to support, the response headers
 * and the raw body.
 * <p>
 * The exception message holds status, code, server message and request id, never the raw body or headers.
 *
 * @since 0.1.0
 */
public class InteractorApiException extends InteractorException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final transient InteractorError error;

	private final transient HttpHeaders headers;

	private final byte[] rawBody;

	public InteractorApiException(int status, InteractorError error, HttpHeaders headers, byte[] rawBody) {
		super(describe(status, error));
		this.status = status;
		this.error = error;
		this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
		this.rawBody = rawBody.clone();
	}

	private static String describe(int status, InteractorError error) {
		StringBuilder message = new StringBuilder("Interactor API error ").append(status);
		message.append(" [").append(error.code()).append(']');
		if (error.message() != null) {
			message.append(": ").append(error.message());
		}
		if (error.requestId() != null) {
			message.append(" (request id ").append(error.requestId()).append(')');
		}
		return message.toString();
	}

	/**
	 * The HTTP status of the response.
	 * @return the status code
	 */
	public int status() {
		return this.status;
	}

	/**
	 * The machine-readable error code: the server's when it sent one ({@code invalid_client}, {@code not_found},
	 * ...), else one derived from the status ({@code http_503}).
	 * @return the error code
	 */
	public String code() {
		return this.error.code();
	}

	/**
	 * The server's human-readable message, if any.
	 * @return the message, or {@code null}
	 */
	public @Nullable String serverMessage() {
		return this.error.message();
	}

	/**
	 * Structured details (field errors, current state, ...) exactly as the server sent them.
	 * @return the details, or {@code null}
	 */
	public @Nullable JsonNode details() {
		return this.error.details();
	}

	/**
	 * The request id from the error body or the {@code X-Request-Id} header; quote it to Interactor support.
	 * @return the request id, or {@code null}
	 */
	public @Nullable String requestId() {
		return this.error.requestId();
	}

	/**
	 * The parsed error body.
	 * @return the error
	 */
	public InteractorError error() {
		return this.error;
	}

	/**
	 * The response headers.
	 * @return read-only headers
	 */
	public HttpHeaders headers() {
		return this.headers;
	}

	/**
	 * The response body as received.
	 * @return a copy of the body bytes
	 */
	public byte[] rawBody() {
		return this.rawBody.clone();
	}

	/**
	 * The response body decoded as UTF-8.
	 * @return the body text
	 */
	public String rawBodyAsString() {
		return new String(this.rawBody, StandardCharsets.UTF_8);
	}

}
