package io.interactor.spring.webhook;

import java.util.List;

/**
 * Webhook event types of the event catalog the platform documents for its SDKs. Event types are plain
 * strings: types not listed here are delivered to matching handlers just the same.
 *
 * @since 0.1.0
 */
public final class InteractorEvents {

	/** An OAuth flow completed and a credential is connected. */
	public static final String CREDENTIAL_CONNECTED = "credential.connected";

	/** A credential was refreshed automatically or manually. */
	public static final String CREDENTIAL_REFRESHED = "credential.refreshed";

	/** A credential expired without being refreshed. */
	public static final String CREDENTIAL_EXPIRED = "credential.expired";

	/** A credential was revoked by the user or the provider. */
	public static final String CREDENTIAL_REVOKED = "credential.revoked";

	/** Refreshing or using a credential failed. */
	public static final String CREDENTIAL_ERROR = "credential.error";

	/** A user or assistant message was created in a room. */
	public static final String ROOM_MESSAGE_CREATED = "room.message.created";

	/** A room message was edited or completed. */
	public static final String ROOM_MESSAGE_UPDATED = "room.message.updated";

	/** An assistant requests a tool call. */
	public static final String ROOM_TOOL_CALL_PENDING = "room.tool_call.pending";

	/** The result of a tool call was submitted. */
	public static final String ROOM_TOOL_CALL_COMPLETED = "room.tool_call.completed";

	/** A workflow instance was created. */
	public static final String WORKFLOW_INSTANCE_STARTED = "workflow.instance.started";

	/** A workflow instance moved to another state. */
	public static final String WORKFLOW_INSTANCE_STATE_CHANGED = "workflow.instance.state_changed";

	/** A workflow instance waits for input. */
	public static final String WORKFLOW_INSTANCE_HALTED = "workflow.instance.halted";

	/** A workflow instance reached a terminal state. */
	public static final String WORKFLOW_INSTANCE_COMPLETED = "workflow.instance.completed";

	/** A workflow instance failed with an unhandled error. */
	public static final String WORKFLOW_INSTANCE_FAILED = "workflow.instance.failed";

	/** A workflow instance was cancelled manually. */
	public static final String WORKFLOW_INSTANCE_CANCELLED = "workflow.instance.cancelled";

	/** Every credential event. */
	public static final String ALL_CREDENTIAL = "credential.*";

	/** Every room event. */
	public static final String ALL_ROOM = "room.*";

	/** Every workflow instance event. */
	public static final String ALL_WORKFLOW_INSTANCE = "workflow.instance.*";

	/** Every event. */
	public static final String ALL = "*";

	/** The 15 event types of the catalog, in catalog order. */
	public static final List<String> CATALOG = List.of(CREDENTIAL_CONNECTED, CREDENTIAL_REFRESHED, CREDENTIAL_EXPIRED,
			CREDENTIAL_REVOKED, CREDENTIAL_ERROR, ROOM_MESSAGE_CREATED, ROOM_MESSAGE_UPDATED, ROOM_TOOL_CALL_PENDING,
			ROOM_TOOL_CALL_COMPLETED, WORKFLOW_INSTANCE_STARTED, WORKFLOW_INSTANCE_STATE_CHANGED,
			WORKFLOW_INSTANCE_HALTED, WORKFLOW_INSTANCE_COMPLETED, WORKFLOW_INSTANCE_FAILED,
			WORKFLOW_INSTANCE_CANCELLED);

	private InteractorEvents() {
	}

}
