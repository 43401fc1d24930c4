package io.interactor.spring.client.resource;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * Status of a workflow instance. A value the platform adds later reads as {@link #UNKNOWN}.
 *
 * @since 0.1.0
 */
public enum WorkflowInstanceStatus {

	/** Executing. */
	RUNNING("running"),

	/** Waiting for input ({@code workflowInstances().submitInput(...)}). */
	HALTED("halted"),

	/** Reached a terminal state. */
	COMPLETED("completed"),

	/** Failed; see the instance's error. */
	FAILED("failed"),

	/** Cancelled. */
	CANCELLED("cancelled"),

	/** A status this client does not know. */
	UNKNOWN("unknown");

	private final String value;

	WorkflowInstanceStatus(String value) {
		this.value = value;
	}

	/**
	 * The wire value.
	 * @return the value, e.g. {@code running}
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

	/**
	 * Whether the instance will not change any more.
	 * @return whether it ended
	 */
	public boolean isTerminal() {
		return this == COMPLETED || this == FAILED || this == CANCELLED;
	}

	/**
	 * The status for a wire value, case-insensitive ({@code canceled} is read as {@link #CANCELLED}).
	 * @param value the wire value
	 * @return the status, {@link #UNKNOWN} for a value this client does not know
	 */
	@JsonCreator
	public static WorkflowInstanceStatus from(@Nullable String value) {
		if ("canceled".equalsIgnoreCase((value != null) ? value.trim() : null)) {
			return CANCELLED;
		}
		return WireEnums.from(values(), WorkflowInstanceStatus::value, value, UNKNOWN);
	}

}
