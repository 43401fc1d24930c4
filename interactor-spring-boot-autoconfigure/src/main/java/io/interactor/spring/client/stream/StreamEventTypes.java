package io.interactor.spring.client.stream;

/**
 * Event types of the stream vocabularies the platform documents, for comparisons with
 * {@link StreamEvent#type()}. The platform may send others; they are passed on too.
 *
 * @since 0.1.0
 */
public final class StreamEventTypes {

	/** Default event name of a frame without {@code event:}. */
	public static final String MESSAGE = "message";

	/** Text chunk ({@code content}), SDK vocabulary. */
	public static final String MESSAGE_DELTA = "message.delta";

	/** Complete message ({@code message}), SDK vocabulary. */
	public static final String MESSAGE_COMPLETE = "message.complete";

	/** Tool call started ({@code tool_call}), SDK vocabulary. */
	public static final String TOOL_CALL_START = "tool_call.start";

	/** Tool call completed ({@code tool_call}), SDK vocabulary. */
	public static final String TOOL_CALL_COMPLETE = "tool_call.complete";

	/** Workflow moved to another state ({@code state}, {@code context}), SDK vocabulary. */
	public static final String WORKFLOW_STATE_CHANGED = "workflow.state_changed";

	/** Workflow halted for input ({@code presentation}), SDK vocabulary. */
	public static final String WORKFLOW_HALTED = "workflow.halted";

	/** Workflow completed. */
	public static final String WORKFLOW_COMPLETED = "workflow.completed";

	/** An error ({@code error}). */
	public static final String ERROR = "error";

	/** Start of a message ({@code id, role}), named-event vocabulary. */
	public static final String MESSAGE_START = "message_start";

	/** Text chunk ({@code id, delta}), named-event vocabulary. */
	public static final String MESSAGE_DELTA_NAMED = "message_delta";

	/** End of a message ({@code id, role, content}), named-event vocabulary. */
	public static final String MESSAGE_END = "message_end";

	/** Complete message ({@code message}), agents streaming contract. */
	public static final String MESSAGE_COMPLETE_NAMED = "message_complete";

	/** Text token ({@code token, index, message_id}), agents streaming contract. */
	public static final String TOKEN = "token";

	/** Tool call ({@code tool_call}), agents streaming contract. */
	public static final String TOOL_CALL = "tool_call";

	/** Tool result ({@code tool_call}), agents streaming contract. */
	public static final String TOOL_RESULT = "tool_result";

	/** End of a reply or of the stream. */
	public static final String DONE = "done";

	/** Workflow state changed ({@code state, previous_state, thread_id}). */
	public static final String STATE_CHANGED = "state_changed";

	/** Workflow halted ({@code state, presentation}). */
	public static final String HALTED = "halted";

	/** Workflow resumed. */
	public static final String RESUMED = "resumed";

	/** Workflow completed ({@code status, output}). */
	public static final String COMPLETED = "completed";

	/** Workflow failed. */
	public static final String FAILED = "failed";

	/** Workflow cancelled. */
	public static final String CANCELLED = "cancelled";

	/** Whole assistant reply, newest vocabulary. */
	public static final String AGENT_RESPONSE_SENT = "agent.response_sent";

	/** Assistant error, newest vocabulary. */
	public static final String AGENT_ERROR = "agent.error";

	/** Keep-alive. */
	public static final String HEARTBEAT = "heartbeat";

	/** Keep-alive, newest room vocabulary. */
	public static final String PING = "ping";

	private StreamEventTypes() {
	}

}
