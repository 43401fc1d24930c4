package io.interactor.spring.webhook.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The registered {@link WebhookHandlerMethod handler methods}. Filled by
 * {@link InteractorWebhookAnnotationBeanPostProcessor} once every singleton exists.
 */
public class WebhookHandlerRegistry {

	private final List<WebhookHandlerMethod> handlers = new CopyOnWriteArrayList<>();

	/**
	 * Register handlers. Among handlers of equal order, registration order is kept.
	 * @param handlerMethods the handlers
	 */
	public void register(List<WebhookHandlerMethod> handlerMethods) {
		this.handlers.addAll(handlerMethods);
	}

	/**
	 * The handlers of an event type, lowest order first.
	 * @param eventType the event type
	 * @return the matching handlers, empty when none
	 */
	public List<WebhookHandlerMethod> handlersFor(String eventType) {
		List<WebhookHandlerMethod> matching = new ArrayList<>();
		for (WebhookHandlerMethod handler : this.handlers) {
			if (handler.matches(eventType)) {
				matching.add(handler);
			}
		}
		matching.sort(Comparator.comparingInt(WebhookHandlerMethod::getOrder));
		return matching;
	}

	/**
	 * All registered handlers.
	 * @return the handlers
	 */
	public List<WebhookHandlerMethod> getHandlers() {
		return List.copyOf(this.handlers);
	}

	/**
	 * Whether no handler is registered.
	 * @return {@code true} when empty
	 */
	public boolean isEmpty() {
		return this.handlers.isEmpty();
	}

}
