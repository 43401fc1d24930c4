package io.interactor.spring.actuate.metrics;

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
import io.interactor.spring.webhook.InteractorEvents;
import org.jspecify.annotations.Nullable;

/**
 * Turns what the client and the webhook endpoint see into bounded tag values. Each tag is a time series per value,
 * so nothing that a server or a webhook sender can choose freely (ids, arbitrary event types or error codes) may
 * become a tag value as is: it is mapped onto a closed vocabulary first.
 */
public final class InteractorMetricTags {

	/** Tag value when a delivery was rejected before its event type could be read. */
	public static final String UNKNOWN = "unknown";

	/** Tag value for an event type or error code outside the documented vocabulary. */
	public static final String OTHER = "other";

	/** Tag value when there is no value at all, e.g. no error code for a network failure. */
	public static final String NONE = "none";

	/** {@code status} of an exchange that produced no response. */
	public static final String IO_ERROR = "IO_ERROR";

	/** {@code status} of an exchange cancelled before its response arrived. */
	public static final String CANCELLED = "CANCELLED";

	/**
	 * Error codes the platform documents and the ones the client derives from a status
	 * when a body has none; anything else is tagged {@link #OTHER}.
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

	private InteractorMetricTags() {
	}

	/**
	 * The {@code endpoint} tag: the path template of the call.
	 * @param template the template, e.g. {@code /rooms/{roomId}}, or {@code null}
	 * @return the template, or {@link #NONE}; never an expanded path, which would hold ids
	 */
	public static String endpoint(@Nullable Object template) {
		return (template != null) ? template.toString() : NONE;
	}

	/**
	 * The {@code outcome} tag of an HTTP status, named like Spring Boot's {@code http.client.requests}.
	 * @param status the HTTP status
	 * @return {@code INFORMATIONAL}, {@code SUCCESS}, {@code REDIRECTION}, {@code CLIENT_ERROR},
	 * {@code SERVER_ERROR} or {@code UNKNOWN}
	 */
	public static String outcome(int status) {
		return switch (status / 100) {
			case 1 -> "INFORMATIONAL";
			case 2 -> "SUCCESS";
			case 3 -> "REDIRECTION";
			case 4 -> "CLIENT_ERROR";
			case 5 -> "SERVER_ERROR";
			default -> "UNKNOWN";
		};
	}

	/**
	 * The {@code event} tag of a webhook event type.
	 * @param eventType the type the delivery carries, or {@code null} when it could not be read
	 * @return a catalog type ({@link InteractorEvents#CATALOG}), {@link #OTHER} or {@link #UNKNOWN}
	 */
	public static String event(@Nullable String eventType) {
		if (eventType == null) {
			return UNKNOWN;
		}
		return InteractorEvents.CATALOG.contains(eventType) ? eventType : OTHER;
	}

	/**
	 * The {@code type} tag of an event stream.
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
	 * The {@code type} tag of a failure.
	 * @param error the failure
	 * @return {@code auth}, {@code forbidden}, {@code not_found}, {@code conflict}, {@code gone},
	 * {@code validation}, {@code rate_limit}, {@code server}, {@code client} (other statuses), {@code network},
	 * {@code stream} or {@code other}
	 */
	public static String errorType(Throwable error) {
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
	 * The {@code code} tag of a failure.
	 * @param error the failure
	 * @return the error code when it is a documented one (lower case), {@link #OTHER} for any other code,
	 * {@link #NONE} when the failure has no code
	 */
	public static String errorCode(Throwable error) {
		if (!(error instanceof InteractorApiException api)) {
			return NONE;
		}
		String code = api.code().toLowerCase(Locale.ROOT);
		return (KNOWN_ERROR_CODES.contains(code) || STATUS_CODE.matcher(code).matches()) ? code : OTHER;
	}

}
