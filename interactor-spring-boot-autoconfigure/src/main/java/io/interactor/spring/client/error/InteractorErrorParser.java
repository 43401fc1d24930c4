package io.interactor.spring.client.error;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

/**
 * Reads an error response of any shape the platform documents into an {@link InteractorError}:
 * <ul>
 * <li>{@code {"error": {"code", "message", "details", "request_id", "retry_after", "resource"}}} (Core API, Account
 * Server validation);</li>
 * <li>{@code {"error": "rate_limited", "message": "...", "retry_after": 60}} (flat);</li>
 * <li>{@code {"error": "invalid_client", "error_description": "..."}} (OAuth, RFC 6749);</li>
 * <li>{@code {"error": "Human-readable message"}} (Account Server);</li>
 * <li>anything else, including non-JSON bodies from proxies: the code is derived from the status.</li>
 * </ul>
 * The request id falls back to the {@code X-Request-Id} header.
 *
 * @since 0.1.0
 */
public final class InteractorErrorParser {

	/** Header carrying the platform's request id. */
	public static final String REQUEST_ID_HEADER = "X-Request-Id";

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.:\\-]{1,100}");

	private final JsonMapper jsonMapper;

	public InteractorErrorParser(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Parse an error response.
	 * @param status the HTTP status
	 * @param headers the response headers
	 * @param body the raw body, possibly empty
	 * @return the error, never {@code null}
	 */
	public InteractorError parse(int status, HttpHeaders headers, byte[] body) {
		JsonNode root = readTree(body);
		String code = null;
		String message = null;
		JsonNode details = null;
		String requestId = null;
		Long retryAfter = null;
		String resource = null;
		if (root != null && root.isObject()) {
			JsonNode error = root.get("error");
			if (error != null && error.isObject()) {
				code = text(error, "code");
				message = text(error, "message");
				details = present(error.get("details"));
				requestId = text(error, "request_id");
				retryAfter = number(error, "retry_after");
				resource = text(error, "resource");
			}
			else if (error != null && error.isString()) {
				String value = error.asString();
				if (CODE.matcher(value).matches()) {
					code = value;
				}
				else {
					message = value;
				}
			}
			else {
				code = text(root, "code");
			}
			message = firstNonNull(message, text(root, "message"), text(root, "error_description"));
			details = (details != null) ? details : present(root.get("details"));
			requestId = firstNonNull(requestId, text(root, "request_id"));
			retryAfter = (retryAfter != null) ? retryAfter : number(root, "retry_after");
			resource = firstNonNull(resource, text(root, "resource"));
		}
		requestId = firstNonNull(requestId, headers.getFirst(REQUEST_ID_HEADER));
		return new InteractorError((code != null) ? code : codeFor(status), message, details, requestId, retryAfter,
				resource);
	}

	/**
	 * The code used when the body carries none, named like the platform's own codes.
	 * @param status the HTTP status
	 * @return a snake_case code
	 */
	static String codeFor(int status) {
		return switch (status) {
			case 400 -> "bad_request";
			case 401 -> "unauthorized";
			case 403 -> "forbidden";
			case 404 -> "not_found";
			case 408 -> "request_timeout";
			case 409 -> "conflict";
			case 410 -> "gone";
			case 413 -> "payload_too_large";
			case 422 -> "validation_error";
			case 429 -> "rate_limited";
			case 500 -> "internal_error";
			case 502 -> "bad_gateway";
			case 503 -> "service_unavailable";
			case 504 -> "gateway_timeout";
			default -> "http_" + status;
		};
	}

	private @Nullable JsonNode readTree(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			return this.jsonMapper.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull() || value.isContainer()) {
			return null;
		}
		String text = value.asString();
		return text.isEmpty() ? null : text;
	}

	private static @Nullable Long number(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isNumber()) {
			return value.asLong();
		}
		try {
			return Long.parseLong(value.asString().trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable JsonNode present(@Nullable JsonNode node) {
		return (node == null || node.isNull() || node.isMissingNode()) ? null : node;
	}

	@SafeVarargs
	private static <T> @Nullable T firstNonNull(@Nullable T... values) {
		for (T value : values) {
			if (value != null) {
				return value;
			}
		}
		return null;
	}

}
