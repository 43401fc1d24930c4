package io.interactor.spring.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The in-memory state of the mock: one set of collections per namespace, nothing shared between namespaces.
 */
final class PlatformState {

	private final Map<String, Map<String, LinkedHashMap<String, ObjectNode>>> namespaces = new ConcurrentHashMap<>();

	private final Map<String, RoomEventLog> roomEvents = new ConcurrentHashMap<>();

	static String newId(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	synchronized LinkedHashMap<String, ObjectNode> collection(String namespace, String name) {
		return this.namespaces.computeIfAbsent(namespace, (key) -> new ConcurrentHashMap<>())
			.computeIfAbsent(name, (key) -> new LinkedHashMap<>());
	}

	synchronized @Nullable ObjectNode find(String namespace, String collection, String id) {
		return collection(namespace, collection).get(id);
	}

	synchronized void put(String namespace, String collection, ObjectNode item) {
		collection(namespace, collection).put(item.get("id").asString(), item);
	}

	synchronized @Nullable ObjectNode remove(String namespace, String collection, String id) {
		return collection(namespace, collection).remove(id);
	}

	synchronized List<ObjectNode> list(String namespace, String collection) {
		return new ArrayList<>(collection(namespace, collection).values());
	}

	RoomEventLog roomEvents(String namespace, String roomId) {
		return this.roomEvents.computeIfAbsent(namespace + "\u0000" + roomId, (key) -> new RoomEventLog());
	}

	/** The event stream of a workflow instance; works like a room's. */
	RoomEventLog instanceEvents(String namespace, String instanceId) {
		return this.roomEvents.computeIfAbsent(namespace + "\u0000instance\u0000" + instanceId,
				(key) -> new RoomEventLog());
	}

	synchronized void clear() {
		this.namespaces.clear();
		this.roomEvents.clear();
	}

}
