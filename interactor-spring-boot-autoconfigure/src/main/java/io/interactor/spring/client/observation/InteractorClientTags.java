package io.interactor.spring.client.observation;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.interactor.spring.client.error.InteractorApiException;
import io.interactor.spring.client.error.InteractorAuthenticationException;
import io.interactor.spring.client.error.InteractorConflictException;
import io.interactor.spring.client.error.InteractorForbiddenException;
import io.interactor.spring.client.error.InteractorGoneException;
import io.interactor.spring.client.error.InteractorNetworkException;
import io.interactor.spring.client.error.InteractorNotFoundException;
import io.interactor.spring.client.error.InteractorRateLimitException;
import io.interactor.spring.client.error.InteractorServerException;
import io.interactor.spring.client.error.InteractorStreamException;
import io.interactor.spring.client.error.InteractorValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Turns what the client sees into bounded low-cardinality values. Each value of a metric tag is a time series, so
 * nothing a server can choose freely (ids, arbitrary error codes) becomes a value as is: it is mapped onto a closed
 * vocabulary first.
 *
 * @since 0.1.0
 */
public final class InteractorClientTags {

	/** Value for something outside the documented vocabulary, e.g. an undocumented error code. */
	public static final String OTHER = "other";

	/** Value when there is none, e.g. no error code for a network failure or no error at all. */
	public static final String NONE = "none";

	/** {@code status} of an exchange that produced no response. */
	public static final String IO_ERROR = "IO_ERROR";

	/** {@code status} of an exchange cancelled before its response arrived. */
	public static final String CANCELLED = "CANCELLED";

	/** {@code outcome} of an exchange without a status. */
	public static final String UNKNOWN_OUTCOME = "UNKNOWN";

	/**
	 * Error codes documented by the platform and the ones the client derives from a status when a body has none;
	 * anything else is {@link #OTHER}.
	 */
	private static final Set<String> KNOWN_ERROR_CODES = Set.of("invalid_client", "unauthorized_client",
			"invalid_grant", "invalid_request", "invalid_scope", "server_error", "unauthorized", "forbidden",
			"permission_denied", "not_found", "already_exists", "validation_error", "quota_exceeded", "rate_limited",
			"rate_limit_exceeded", "internal_error", "bad_gateway", "service_unavailable", "gateway_timeout",
			"credential_not_found", "credential_expired", "credential_revoked", "invalid_scopes", "oauth_flow_expired",
			"oauth_flow_not_found", "assistant_not_found", "room_not_found", "tool_not_found", "room_closed",
			"tool_callback_failed", "data_source_disconnected", "query_execution_failed", "circuit_open",
			"workflow_not_found", "version_not_found", "instance_not_found", "workflow_not_published",
			"already_published", "instance_not_halted", "invalid_transition", "instance_not_active",
			"invalid_workflow", "workflow_exists", "concurrent_modification", "namespace_quota_exceeded",
			"script_error", "script_timeout", "http_error", "http_timeout", "step_error", "invalid_cursor",
			"input_immutable", "invalid_set_path", "webhook_not_found", "invalid_url", "invalid_events",
			"webhook_disabled", "max_webhooks_exceeded", "url_unreachable", "invalid_secret_format", "bad_request",
			"request_timeout", "conflict", "gone", "payload_too_large");

	/** The code the client derives from an undocumented status ({@code http_418}): bounded by the status range. */
	private static final Pattern STATUS_CODE = Pattern.compile("http_[1-5][0-9][0-9]");

	private InteractorClientTags() {
	}

	/**
	 * The {@code endpoint} value: the path template of the call.
	 * @param template the template, e.g. {@code /rooms/{roomId}}, or {@code null}
	 * @return the template, or {@link #NONE}; never an expanded path, which would hold ids
	 */
	public static String endpoint(@Nullable String template) {
		return (template != null) ? template : NONE;
	}

	/**
	 * The {@code status} value of an exchange.
	 * @param statusCode the HTTP status, or {@code null} when no response arrived
	 * @param cancelled whether the exchange was cancelled before its response
	 * @return the status code, {@link #CANCELLED} or {@link #IO_ERROR}
	 */
	public static String status(@Nullable Integer statusCode, boolean cancelled) {
		if (statusCode != null) {
			return statusCode.toString();
		}
		return cancelled ? CANCELLED : IO_ERROR;
	}

	/**
	 * The {@code outcome} value of an HTTP status, named like Spring's {@code http.client.requests}.
	 * @param statusCode the HTTP status, or {@code null} when no response arrived
	 * @return {@code INFORMATIONAL}, {@code SUCCESS}, {@code REDIRECTION}, {@code CLIENT_ERROR},
	 * {@code SERVER_ERROR} or {@code UNKNOWN}
	 */
	public static String outcome(@Nullable Integer statusCode) {
		if (statusCode == null) {
			return UNKNOWN_OUTCOME;
		}
		return switch (statusCode / 100) {
			case 1 -> "INFORMATIONAL";
			case 2 -> "SUCCESS";
			case 3 -> "REDIRECTION";
			case 4 -> "CLIENT_ERROR";
			case 5 -> "SERVER_ERROR";
			default -> UNKNOWN_OUTCOME;
		};
	}

	/**
	 * The {@code type} value of an event stream.
	 * @param pathTemplate the stream's path template
	 * @return {@code room}, {@code workflow} or {@link #OTHER}
	 */
	public static String streamType(String pathTemplate) {
		if (pathTemplate.startsWith("/rooms/")) {
			return "room";
		}
		if (pathTemplate.startsWith("/workflow-instances/")) {
			return "workflow";
		}
		return OTHER;
	}

	/**
	 * The {@code error.type} value of a failure.
	 * @param error the failure, or {@code null} when there was none
	 * @return {@code auth}, {@code forbidden}, {@code not_found}, {@code conflict}, {@code gone},
	 * {@code validation}, {@code rate_limit}, {@code server}, {@code client} (other statuses), {@code network},
	 * {@code stream}, {@code other}, or {@link #NONE} without a failure
	 */
	public static String errorType(@Nullable Throwable error) {
		if (error == null) {
			return NONE;
		}
		if (error instanceof InteractorAuthenticationException) {
			return "auth";
		}
		if (error instanceof InteractorForbiddenException) {
			return "forbidden";
		}
		if (error instanceof InteractorNotFoundException) {
			return "not_found";
		}
		if (error instanceof InteractorConflictException) {
			return "conflict";
		}
		if (error instanceof InteractorGoneException) {
			return "gone";
		}
		if (error instanceof InteractorValidationException) {
			return "validation";
		}
		if (error instanceof InteractorRateLimitException) {
			return "rate_limit";
		}
		if (error instanceof InteractorServerException) {
			return "server";
		}
		if (error instanceof InteractorApiException) {
			return "client";
		}
		if (error instanceof InteractorNetworkException) {
			return "network";
		}
		if (error instanceof InteractorStreamException) {
			return "stream";
		}
		return OTHER;
	}

	/**
	 * The {@code error.code} value of a failure.
	 * @param error the failure, or {@code null} when there was none
	 * @return the error code when it is a documented one (lower case), {@link #OTHER} for any other code,
	 * {@link #NONE} when there is no failure or it has no code
	 */
	public static String errorCode(@Nullable Throwable error) {
		if (!(error instanceof InteractorApiException api)) {
			return NONE;
		}
		String code = api.code().toLowerCase(Locale.ROOT);
		return (KNOWN_ERROR_CODES.contains(code) || STATUS_CODE.matcher(code).matches()) ? code : OTHER;
	}

}
