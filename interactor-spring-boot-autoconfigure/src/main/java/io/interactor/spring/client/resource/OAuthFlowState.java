package io.interactor.spring.client.resource;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * State of an OAuth connect flow. Unknown wire values read as {@link #UNKNOWN}.
 *
 * @since 0.1.0
 */
public enum OAuthFlowState {

	/** Started, the user has not been redirected yet. */
	INITIALIZED("initialized"),

	/** Waiting for the provider's callback. */
	AWAITING_CALLBACK("awaiting_callback"),

	/** In progress. */
	PENDING("pending"),

	/** The credential was stored. */
	COMPLETED("completed"),

	/** The flow failed; see the error. */
	FAILED("failed"),

	/** The user did not finish in time. */
	EXPIRED("expired"),

	/**
	 * The platform no longer knows the flow (it answered 404): newer platform versions forget a flow once it
	 * finishes, so the outcome must be read from the credential list or the credential webhook. It is also what an
	 * id that never existed looks like.
	 */
	FINISHED_OR_UNKNOWN("finished_or_unknown"),

	/** A state this client does not know. */
	UNKNOWN("unknown");

	private final String value;

	OAuthFlowState(String value) {
		this.value = value;
	}

	/**
	 * The wire value.
	 * @return the value
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

	/**
	 * Whether the flow will not change any more.
	 * @return whether it is over
	 */
	public boolean isTerminal() {
		return this == COMPLETED || this == FAILED || this == EXPIRED || this == FINISHED_OR_UNKNOWN;
	}

	/**
	 * The state for a wire value, case-insensitive.
	 * @param value the wire value
	 * @return the state, {@link #UNKNOWN} for a value this client does not know
	 */
	@JsonCreator
	public static OAuthFlowState from(@Nullable String value) {
		return WireEnums.from(values(), OAuthFlowState::value, value, UNKNOWN);
	}

}
