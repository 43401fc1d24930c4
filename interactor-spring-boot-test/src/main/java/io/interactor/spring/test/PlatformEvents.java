package io.interactor.spring.test;

import tools.jackson.databind.JsonNode;

/**
 * Where the route tables report the events their state changes produce, such as {@code room.message.created}.
 */
@FunctionalInterface
interface PlatformEvents {

	/**
	 * Report an event.
	 * @param namespace the namespace the change happened in
	 * @param eventType the event type
	 * @param data the envelope's {@code data}
	 */
	void publish(String namespace, String eventType, JsonNode data);

}
