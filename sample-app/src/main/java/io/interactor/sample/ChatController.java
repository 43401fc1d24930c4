package io.interactor.sample;

import java.util.List;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.resource.Assistant;
import io.interactor.spring.client.resource.CreateAssistantRequest;
import io.interactor.spring.client.resource.CreateRoomRequest;
import io.interactor.spring.client.resource.Message;
import io.interactor.spring.client.resource.Room;
import io.interactor.spring.client.resource.SendMessageRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API of the chat page. The page never chooses the namespace: every call works in
 * {@code sample.namespace}, the end user this application acts for (a real application takes it from its own
 * login). The client is looked up through an {@link ObjectProvider} so that the application also starts with
 * neither credentials nor the mock, and then answers 503 (see {@link ApiErrors}).
 */
@RestController
@RequestMapping("/api")
class ChatController {

	private final ObjectProvider<InteractorClient> client;

	private final String namespace;

	private final String model;

	ChatController(ObjectProvider<InteractorClient> client,
			@Value("${sample.namespace:" + SampleApplication.DEFAULT_NAMESPACE + "}") String namespace,
			@Value("${sample.assistant-model:gpt-4o}") String model) {
		this.client = client;
		this.namespace = namespace;
		this.model = model;
	}

	@GetMapping("/assistants")
	List<AssistantSummary> assistants() {
		return this.client.getObject()
			.assistants()
			.listAll(this.namespace)
			.map((assistant) -> new AssistantSummary(assistant.id(), assistant.name()))
			.toList();
	}

	@PostMapping("/assistants")
	@ResponseStatus(HttpStatus.CREATED)
	AssistantSummary createAssistant(@RequestBody NewAssistant request) {
		Assert.hasText(request.name(), "name is required");
		Assistant assistant = this.client.getObject()
			.assistants()
			.create(this.namespace, CreateAssistantRequest.of(request.name().trim(), this.model,
					"You are a helpful assistant."));
		return new AssistantSummary(assistant.id(), assistant.name());
	}

	@PostMapping("/rooms")
	@ResponseStatus(HttpStatus.CREATED)
	RoomSummary openRoom(@RequestBody NewRoom request) {
		Assert.hasText(request.assistantId(), "assistantId is required");
		Room room = this.client.getObject().rooms().create(this.namespace, CreateRoomRequest.of(request.assistantId()));
		return new RoomSummary(room.id(), room.assistantId());
	}

	@PostMapping("/rooms/{roomId}/messages")
	@ResponseStatus(HttpStatus.ACCEPTED)
	MessageSummary send(@PathVariable String roomId, @RequestBody NewMessage request) {
		Assert.hasText(request.content(), "content is required");
		Message message = this.client.getObject()
			.rooms()
			.sendMessage(this.namespace, roomId, SendMessageRequest.of(request.content()));
		return new MessageSummary(message.id(), message.role(), message.content());
	}

	record AssistantSummary(String id, String name) {
	}

	record NewAssistant(String name) {
	}

	record RoomSummary(String id, String assistantId) {
	}

	record NewRoom(String assistantId) {
	}

	record NewMessage(String content) {
	}

	record MessageSummary(String id, String role, String content) {
	}

}
