package io.interactor.sample;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.interactor.spring.webhook.CredentialEventData;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.RoomMessageData;
import io.interactor.spring.webhook.RoomToolCallData;
import io.interactor.spring.webhook.WebhookEvent;
import io.interactor.spring.webhook.WorkflowInstanceData;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Webhook handlers of the sample: one per event group. They log ids and types only (payloads may hold user data) and
 * remember the last few events they saw.
 */
@Component
public class SampleWebhookHandlers {

	private static final Log logger = LogFactory.getLog(SampleWebhookHandlers.class);

	private static final int KEPT = 100;

	private final Deque<String> received = new ArrayDeque<>();

	@InteractorWebhook(InteractorEvents.ALL_CREDENTIAL)
	public void onCredential(WebhookEvent<CredentialEventData> event) {
		record(event.type() + " " + event.data().credentialId());
		if (InteractorEvents.CREDENTIAL_EXPIRED.equals(event.type())) {
			logger.info("Credential " + event.data().credentialId() + " of namespace " + event.namespace()
					+ " expired: ask the user to reconnect");
		}
	}

	@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
	public void onRoomMessage(RoomMessageData message) {
		record(InteractorEvents.ROOM_MESSAGE_CREATED + " " + message.roomId() + " " + message.role());
	}

	@InteractorWebhook(InteractorEvents.ROOM_TOOL_CALL_PENDING)
	public void onToolCall(RoomToolCallData toolCall) {
		record(InteractorEvents.ROOM_TOOL_CALL_PENDING + " " + toolCall.toolName());
	}

	@InteractorWebhook(InteractorEvents.WORKFLOW_INSTANCE_HALTED)
	@Order(1)
	public void onWorkflowHalted(WorkflowInstanceData instance) {
		int fields = (instance.presentation() != null && instance.presentation().fields() != null)
				? instance.presentation().fields().size() : 0;
		record(InteractorEvents.WORKFLOW_INSTANCE_HALTED + " " + instance.instanceId() + " " + fields + " field(s)");
	}

	@InteractorWebhook(InteractorEvents.ALL_WORKFLOW_INSTANCE)
	@Order(2)
	public void onWorkflowInstance(WebhookEvent<WorkflowInstanceData> event) {
		record("workflow " + event.type() + " " + event.data().instanceId());
	}

	/**
	 * What the handlers saw, oldest first.
	 * @return summaries of the received events
	 */
	public synchronized List<String> received() {
		return List.copyOf(this.received);
	}

	private synchronized void record(String summary) {
		logger.debug("Handled " + summary);
		if (this.received.size() == KEPT) {
			this.received.removeFirst();
		}
		this.received.addLast(summary);
	}

}
