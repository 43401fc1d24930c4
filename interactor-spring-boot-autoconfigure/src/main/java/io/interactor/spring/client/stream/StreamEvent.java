package io.interactor.spring.client.stream;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One server-sent event of a room or workflow-instance stream. Every event is passed on, known or not; the
 * accessors below read the events of the documented vocabularies.
 *
 * @param event the {@code event:} name, {@code message} when the frame had none
 * @param id the last event id when this event arrived: the frame's {@code id:}, else the one an earlier frame set
 * (as in a browser's {@code MessageEvent.lastEventId}); sent back as {@code Last-Event-ID} on reconnect;
 * {@code null} when none was set
 * @param type {@code data.type} when the data is an object with a string {@code type}, else the event name
 * @param data the data, parsed as JSON; a JSON string when it is not JSON, a missing node when empty
 * @param receivedAt when this client received it
 * @since 0.1.0
 */
public record StreamEvent(String event, @Nullable String id, String type, JsonNode data, Instant receivedAt) {

	/** Keep-alive events of the documented vocabularies. */
	private static final Set<String> HEARTBEATS = Set.of("heartbeat", "ping");

	/**
	 * Whether this is a keep-alive ({@code heartbeat} or {@code ping}).
	 * @return whether it carries no content
	 */
	public boolean isHeartbeat() {
		return HEARTBEATS.contains(this.event) || HEARTBEATS.contains(this.type);
	}

	/**
	 * Whether this is a text increment of an assistant reply: {@code message.delta} (data {@code content}),
	 * {@code message_delta} ({@code delta}) or {@code token} ({@code token}).
	 * @return whether {@link #textDelta()} has a value
	 */
	public boolean isTextDelta() {
		return textDelta().isPresent();
	}

	/**
	 * The text increment of an assistant reply, whichever vocabulary the platform uses.
	 * @return the text chunk
	 */
	public Optional<String> textDelta() {
		return switch (this.type) {
			case StreamEventTypes.MESSAGE_DELTA -> text("content");
			case StreamEventTypes.MESSAGE_DELTA_NAMED -> text("delta");
			case StreamEventTypes.TOKEN -> text("token");
			default -> Optional.empty();
		};
	}

	/**
	 * The complete message of a {@code message.complete}, {@code message_complete}, {@code message},
	 * {@code message_end} or {@code agent.response_sent} event.
	 * @return the message object
	 */
	public Optional<JsonNode> completedMessage() {
		return switch (this.type) {
			case StreamEventTypes.MESSAGE_COMPLETE, StreamEventTypes.MESSAGE_COMPLETE_NAMED -> field("message");
			case StreamEventTypes.MESSAGE, StreamEventTypes.MESSAGE_END -> Optional.of(this.data)
				.filter(JsonNode::isObject);
			case StreamEventTypes.AGENT_RESPONSE_SENT -> Optional.of(this.data).filter(JsonNode::isObject);
			default -> Optional.empty();
		};
	}

	/**
	 * The tool call of a {@code tool_call.start}, {@code tool_call.complete}, {@code tool_call} or
	 * {@code tool_result} event.
	 * @return the tool call object
	 */
	public Optional<JsonNode> toolCall() {
		return switch (this.type) {
			case StreamEventTypes.TOOL_CALL_START, StreamEventTypes.TOOL_CALL_COMPLETE, StreamEventTypes.TOOL_CALL,
					StreamEventTypes.TOOL_RESULT ->
				field("tool_call");
			default -> Optional.empty();
		};
	}

	/**
	 * The new state of a workflow {@code workflow.state_changed} or {@code state_changed} event.
	 * @return the state name
	 */
	public Optional<String> workflowState() {
		return switch (this.type) {
			case StreamEventTypes.WORKFLOW_STATE_CHANGED, StreamEventTypes.STATE_CHANGED, StreamEventTypes.HALTED,
					StreamEventTypes.WORKFLOW_HALTED ->
				text("state");
			default -> Optional.empty();
		};
	}

	/**
	 * Whether the workflow halted for input ({@code workflow.halted} or {@code halted}).
	 * @return whether it halted
	 */
	public boolean isWorkflowHalted() {
		return StreamEventTypes.WORKFLOW_HALTED.equals(this.type) || StreamEventTypes.HALTED.equals(this.type);
	}

	/**
	 * Whether the workflow finished ({@code workflow.completed}, {@code completed}, {@code failed},
	 * {@code cancelled}).
	 * @return whether the instance reached an end state
	 */
	public boolean isWorkflowFinished() {
		return switch (this.type) {
			case StreamEventTypes.WORKFLOW_COMPLETED, StreamEventTypes.COMPLETED, StreamEventTypes.FAILED,
					StreamEventTypes.CANCELLED ->
				true;
			default -> false;
		};
	}

	/**
	 * The error of an {@code error} or {@code agent.error} event: {@code data.error} as text, or its
	 * {@code message} when it is an object.
	 * @return the error description
	 */
	public Optional<String> error() {
		if (!StreamEventTypes.ERROR.equals(this.type) && !StreamEventTypes.AGENT_ERROR.equals(this.type)) {
			return Optional.empty();
		}
		JsonNode error = this.data.path("error");
		if (error.isObject()) {
			return Optional.of(error.path("message").asString(error.toString()));
		}
		return error.isValueNode() ? Optional.of(error.asString()) : text("message");
	}

	/**
	 * A field of the data object.
	 * @param name the field name
	 * @return the value, empty when absent or null
	 */
	public Optional<JsonNode> field(String name) {
		JsonNode value = this.data.get(name);
		return (value == null || value.isNull()) ? Optional.empty() : Optional.of(value);
	}

	private Optional<String> text(String name) {
		return field(name).filter(JsonNode::isValueNode).map(JsonNode::asString);
	}

}
