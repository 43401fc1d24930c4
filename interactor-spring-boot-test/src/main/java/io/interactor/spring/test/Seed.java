package io.interactor.spring.test;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.util.Assert;

/**
 * Creates state in one namespace of a {@link MockInteractorServer} without going through a client, obtained from
 * {@link MockInteractorServer#seed(String)}. Objects are created by the same code that serves the API, so they look
 * exactly like objects created through it.
 *
 * @since 0.1.0
 */
public final class Seed {

	private final MockInteractorServer server;

	private final String namespace;

	Seed(MockInteractorServer server, String namespace) {
		Assert.hasText(namespace, "'namespace' must not be empty");
		this.server = server;
		this.namespace = namespace;
	}

	/**
	 * Create an assistant with model {@code mock-model} and a fixed system prompt.
	 * @param name the assistant's name
	 * @return the new assistant's id ({@code asst_...})
	 */
	public String assistant(String name) {
		return create("/assistants", Map.of("name", name, "model", "mock-model", "system_prompt", "You help."));
	}

	/**
	 * Create a room of an assistant of this namespace.
	 * @param assistantId the id of the assistant
	 * @return the new room's id ({@code room_...})
	 */
	public String room(String assistantId) {
		return create("/rooms", Map.of("assistant_id", assistantId));
	}

	/**
	 * Post a user message to a room; the assistant replies as it does for messages sent through the API.
	 * @param roomId the id of the room
	 * @param content the message text
	 * @return the id of the user message ({@code msg_...})
	 */
	public String userMessage(String roomId, String content) {
		return create("/rooms/" + roomId + "/messages", Map.of("content", content, "role", "user"));
	}

	/**
	 * Create a credential, as a finished OAuth connect flow would.
	 * @param provider the provider, such as {@code google}
	 * @param status the status: {@code active}, {@code expired} or {@code revoked}
	 * @return the new credential's id ({@code cred_...})
	 */
	public String credential(String provider, String status) {
		return create("/credentials", Map.of("provider", provider, "status", status));
	}

	/**
	 * Create any object the mock serves with a {@code POST} to a collection, for example a tool.
	 * @param collectionPath the collection path relative to the Core API base, such as {@code /tools}
	 * @param body the fields of the object, as the API takes them (snake_case names)
	 * @return the new object's id
	 * @throws IllegalArgumentException if the mock rejects the object (for example a missing required field)
	 */
	public String create(String collectionPath, Map<String, ?> body) {
		return this.server.seedCreate(this.namespace, collectionPath, new LinkedHashMap<>(body));
	}

}
