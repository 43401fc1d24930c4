package io.interactor.spring.webhook.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.interactor.spring.webhook.InteractorEvents;

/**
 * The registered {@link WebhookHandlerMethod handler methods}. Filled by
 * {@link InteractorWebhookAnnotationBeanPostProcessor} once every singleton exists.
 * <p>
 * Matching and ordering are worked out when handlers are registered, not per delivery: the handlers of every event
 * type named by a handler or listed in {@link InteractorEvents#CATALOG} are precomputed, merged across exact and
 * wildcard registrations in order. The wildcard handlers matching any other event type are looked up once and
 * remembered for at most {@value #MAX_LEARNED_EVENT_TYPES} such types (event types come from senders, so the set
 * they are drawn from is not ours to trust); beyond that, the few wildcard handlers are filtered per delivery.
 *
 * @since 0.1.0
 */
public class WebhookHandlerRegistry {

	/** How many event types outside the precomputed ones are remembered. */
	static final int MAX_LEARNED_EVENT_TYPES = 256;

	/** Longer event types are never remembered, so the cache's memory stays small whatever senders send. */
	static final int MAX_LEARNED_EVENT_TYPE_LENGTH = 200;

	private volatile Index index = new Index(List.of());

	/**
	 * Register handlers. Among handlers of equal order, registration order is kept.
	 * @param handlerMethods the handlers
	 */
	public synchronized void register(List<WebhookHandlerMethod> handlerMethods) {
		if (handlerMethods.isEmpty()) {
			return;
		}
		List<WebhookHandlerMethod> all = new ArrayList<>(this.index.all);
		all.addAll(handlerMethods);
		this.index = new Index(all);
	}

	/**
	 * The handlers of an event type, lowest order first.
	 * @param eventType the event type
	 * @return the matching handlers (unmodifiable), empty when none
	 */
	public List<WebhookHandlerMethod> handlersFor(String eventType) {
		return this.index.handlersFor(eventType);
	}

	/**
	 * All registered handlers.
	 * @return the handlers, in registration order
	 */
	public List<WebhookHandlerMethod> getHandlers() {
		return this.index.all;
	}

	/**
	 * Whether no handler is registered.
	 * @return {@code true} when empty
	 */
	public boolean isEmpty() {
		return this.index.all.isEmpty();
	}

	/**
	 * How many event types outside the precomputed ones are currently remembered.
	 * @return the count, at most {@link #MAX_LEARNED_EVENT_TYPES}
	 */
	int learnedEventTypeCount() {
		return this.index.learned.size();
	}

	/** An immutable view of one set of registrations, replaced as a whole when handlers are added. */
	private static final class Index {

		final List<WebhookHandlerMethod> all;

		/** The handlers of the event types known at registration, in order. */
		final Map<String, List<WebhookHandlerMethod>> known;

		/** The handlers declaring at least one wildcard, in order. */
		final List<WebhookHandlerMethod> wildcards;

		/** Wildcard matches of other event types, bounded. */
		final Map<String, List<WebhookHandlerMethod>> learned = new ConcurrentHashMap<>();

		Index(List<WebhookHandlerMethod> handlers) {
			this.all = List.copyOf(handlers);
			// A stable sort: handlers of equal order keep their registration order.
			List<WebhookHandlerMethod> sorted = new ArrayList<>(this.all);
			sorted.sort(Comparator.comparingInt(WebhookHandlerMethod::getOrder));
			Set<String> types = new LinkedHashSet<>(InteractorEvents.CATALOG);
			List<WebhookHandlerMethod> wildcards = new ArrayList<>();
			for (WebhookHandlerMethod handler : sorted) {
				boolean wildcard = false;
				for (String pattern : handler.getEventTypes()) {
					if (isWildcard(pattern)) {
						wildcard = true;
					}
					else {
						types.add(pattern);
					}
				}
				if (wildcard) {
					wildcards.add(handler);
				}
			}
			this.wildcards = List.copyOf(wildcards);
			Map<String, List<WebhookHandlerMethod>> known = new HashMap<>();
			for (String type : types) {
				known.put(type, matching(sorted, type));
			}
			this.known = Map.copyOf(known);
		}

		List<WebhookHandlerMethod> handlersFor(String eventType) {
			List<WebhookHandlerMethod> handlers = this.known.get(eventType);
			if (handlers != null) {
				return handlers;
			}
			// No handler names this type: only wildcards can match it.
			if (this.wildcards.isEmpty()) {
				return List.of();
			}
			handlers = this.learned.get(eventType);
			if (handlers != null) {
				return handlers;
			}
			handlers = matching(this.wildcards, eventType);
			if (eventType.length() <= MAX_LEARNED_EVENT_TYPE_LENGTH
					&& this.learned.size() < MAX_LEARNED_EVENT_TYPES) {
				synchronized (this.learned) {
					if (this.learned.size() < MAX_LEARNED_EVENT_TYPES) {
						this.learned.putIfAbsent(eventType, handlers);
					}
				}
			}
			return handlers;
		}

		private static List<WebhookHandlerMethod> matching(List<WebhookHandlerMethod> ordered, String eventType) {
			List<WebhookHandlerMethod> matching = new ArrayList<>();
			for (WebhookHandlerMethod handler : ordered) {
				if (handler.matches(eventType)) {
					matching.add(handler);
				}
			}
			return List.copyOf(matching);
		}

		private static boolean isWildcard(String pattern) {
			return pattern.equals("*") || pattern.endsWith(".*");
		}

	}

}
