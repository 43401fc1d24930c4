package org.springframework.interactortest;

import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.RoomMessageData;

import org.springframework.stereotype.Component;

/**
 * Handler classes in one of Spring's packages, where the webhook post-processor only looks at {@code @Component}
 * classes (Spring's own infrastructure beans, which never declare handlers, are skipped).
 */
public final class SpringPackageHandlers {

	private SpringPackageHandlers() {
	}

	public static class Infrastructure {

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		public void handle(RoomMessageData data) {
		}

	}

	@Component
	public static class AnnotatedComponent {

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		public void handle(RoomMessageData data) {
		}

	}

}
