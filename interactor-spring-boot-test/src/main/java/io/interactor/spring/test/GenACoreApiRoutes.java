package io.interactor.spring.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The route table of the Core API in the flat dialect the client speaks ({@code /assistants}, {@code /rooms}, ...,
 * namespace in {@code X-Namespace}, bodies in {@code {"data": ...}}, lists with {@code meta}). Another dialect would
 * be another table over the same {@link PlatformState}.
 */
final class GenACoreApiRoutes {

	private static final int DEFAULT_PER_PAGE = 20;

	private static final int MAX_PER_PAGE = 100;

	private final JsonMapper json;

	private final PlatformState state;

	private final Supplier<ReplyGenerator> replies;

	private final Duration heartbeatInterval;

	private final Mono<Void> closing;

	private final PlatformEvents events;

	private final Duration replyChunkInterval;

	GenACoreApiRoutes(JsonMapper json, PlatformState state, Supplier<ReplyGenerator> replies,
			Duration heartbeatInterval, Mono<Void> closing, PlatformEvents events) {
		this(json, state, replies, heartbeatInterval, closing, events, Duration.ZERO);
	}

	GenACoreApiRoutes(JsonMapper json, PlatformState state, Supplier<ReplyGenerator> replies,
			Duration heartbeatInterval, Mono<Void> closing, PlatformEvents events, Duration replyChunkInterval) {
		this.json = json;
		this.state = state;
		this.replies = replies;
		this.heartbeatInterval = heartbeatInterval;
		this.closing = closing;
		this.events = events;
		this.replyChunkInterval = replyChunkInterval;
	}

	List<Route> routes() {
		List<Route> routes = new ArrayList<>();
		crud(routes, "/assistants", "assistantId", "asst_", "assistant_not_found",
				List.of("name", "model", "system_prompt"));
		routes.add(Route.of("POST", "/rooms", this::createRoom));
		routes.add(Route.of("GET", "/rooms", (exchange) -> list(exchange, "rooms",
				(item) -> matches(item, "assistant_id", exchange.queryParam("assistant_id")))));
		routes.add(Route.of("GET", "/rooms/{roomId}", (exchange) -> ok(room(exchange))));
		routes.add(Route.of("PATCH", "/rooms/{roomId}", (exchange) -> ok(update(exchange, room(exchange), "rooms"))));
		routes.add(Route.of("DELETE", "/rooms/{roomId}", (exchange) -> {
			room(exchange);
			this.state.remove(exchange.namespace(), "rooms", exchange.variable("roomId"));
			return MockResponse.noContent();
		}));
		routes.add(Route.of("POST", "/rooms/{roomId}/messages", this::sendMessage));
		routes.add(Route.of("GET", "/rooms/{roomId}/messages", this::listMessages));
		routes.add(Route.of("GET", "/rooms/{roomId}/stream", this::stream));
		routes.add(Route.of("POST", "/rooms/{roomId}/tool-results", this::submitToolResult));
		credentials(routes);
		oauth(routes);
		crud(routes, "/tools", "toolId", "tool_", "tool_not_found", List.of("name"));
		crud(routes, "/data-sources", "dataSourceId", "ds_", "data_source_not_found", List.of("name", "type"));
		routes.add(Route.of("POST", "/data-sources/{dataSourceId}/sync", (exchange) -> {
			ObjectNode dataSource = require(exchange, "data-sources", "dataSourceId", "data_source_not_found");
			synchronized (this.state) {
				dataSource.put("status", "connected");
				dataSource.put("last_synced_at", Instant.now().toString());
				stamp(dataSource, false);
			}
			return MockResponse.noContent();
		}));
		crud(routes, "/workflows", "workflowId", "wf_", "workflow_not_found", List.of("name"));
		workflowInstances(routes);
		crud(routes, "/webhooks", "webhookId", "wh_", "webhook_not_found", List.of("url"));
		routes.add(Route.of("POST", "/webhooks/{webhookId}/rotate-secret", (exchange) -> {
			ObjectNode webhook = require(exchange, "webhooks", "webhookId", "webhook_not_found");
			synchronized (this.state) {
				// Deliveries read the secret when they are published: the next one is signed with the new secret.
				webhook.put("secret", PlatformState.newId("whsec_"));
				stamp(webhook, false);
			}
			return ok(view("webhooks", webhook, true));
		}));
		return routes;
	}

	/**
	 * Create, get, list, update ({@code PATCH}, partial) and delete for a plain collection.
	 */
	private void crud(List<Route> routes, String collectionPath, String idVariable, String idPrefix,
			String notFoundCode, List<String> required) {
		String collection = collectionPath.substring(1);
		String item = collectionPath + "/{" + idVariable + "}";
		routes.add(Route.of("POST", collectionPath, (exchange) -> {
			ObjectNode body = body(exchange);
			for (String field : required) {
				if (!body.hasNonNull(field) || body.get(field).asString("").isBlank()) {
					throw MockApiException.validation(field + " is required");
				}
			}
			ObjectNode created = body.deepCopy();
			created.put("id", PlatformState.newId(idPrefix));
			created.put("namespace", exchange.namespace());
			onCreate(collection, created);
			stamp(created, true);
			this.state.put(exchange.namespace(), collection, created);
			return created(view(collection, created, true));
		}));
		routes.add(Route.of("GET", collectionPath, (exchange) -> list(exchange, collection,
				(node) -> "data-sources".equals(collection) ? matches(node, "type", exchange.queryParam("type")) : true)));
		routes.add(Route.of("GET", item, (exchange) -> ok(view(collection,
				require(exchange, collection, idVariable, notFoundCode), false))));
		routes.add(Route.of("PATCH", item, (exchange) -> ok(view(collection,
				update(exchange, require(exchange, collection, idVariable, notFoundCode), collection), false))));
		routes.add(Route.of("DELETE", item, (exchange) -> {
			require(exchange, collection, idVariable, notFoundCode);
			this.state.remove(exchange.namespace(), collection, exchange.variable(idVariable));
			return MockResponse.noContent();
		}));
	}

	/**
	 * Credentials come from OAuth connect flows on the real platform; here they are seeded ({@code POST
	 * /credentials} is the seed's way in, not a client operation) and then listed, read, refreshed and revoked.
	 */
	private void credentials(List<Route> routes) {
		routes.add(Route.of("POST", "/credentials", (exchange) -> {
			ObjectNode credential = body(exchange).deepCopy();
			if (credential.path("provider").asString("").isBlank()) {
				throw MockApiException.validation("provider is required");
			}
			credential.put("id", PlatformState.newId("cred_"));
			credential.put("namespace", exchange.namespace());
			if (!credential.hasNonNull("status")) {
				credential.put("status", "active");
			}
			if (!credential.has("scopes")) {
				credential.putArray("scopes");
			}
			credential.put("expires_at", Instant.now().plusSeconds(3600).toString());
			stamp(credential, true);
			this.state.put(exchange.namespace(), "credentials", credential);
			return created(credential);
		}));
		routes.add(Route.of("GET", "/credentials", (exchange) -> list(exchange, "credentials",
				(item) -> matches(item, "provider", exchange.queryParam("provider"))
						&& matches(item, "status", exchange.queryParam("status")))));
		routes.add(Route.of("GET", "/credentials/{credentialId}", (exchange) -> ok(credential(exchange))));
		routes.add(Route.of("GET", "/credentials/{credentialId}/token", (exchange) -> {
			ObjectNode credential = credential(exchange);
			if (!"active".equals(credential.path("status").asString(""))) {
				throw new MockApiException(400, "credential_" + credential.path("status").asString("invalid"),
						"The credential is not active");
			}
			ObjectNode token = this.json.createObjectNode();
			token.put("access_token", "mock_provider_token_" + credential.get("id").asString());
			token.put("token_type", "Bearer");
			token.put("expires_in", 3600);
			return ok(token);
		}));
		routes.add(Route.of("POST", "/credentials/{credentialId}/refresh", (exchange) -> {
			ObjectNode credential = credential(exchange);
			synchronized (this.state) {
				credential.put("status", "active");
				credential.put("expires_at", Instant.now().plusSeconds(3600).toString());
				credential.put("last_refreshed_at", Instant.now().toString());
				stamp(credential, false);
			}
			return ok(credential);
		}));
		routes.add(Route.of("DELETE", "/credentials/{credentialId}", (exchange) -> {
			credential(exchange);
			this.state.remove(exchange.namespace(), "credentials", exchange.variable("credentialId"));
			return MockResponse.noContent();
		}));
	}

	/**
	 * OAuth connect flows: {@code initiate} opens a flow awaiting its callback and answers an authorization URL
	 * that leads straight back to the {@code redirect_uri} with a {@code code} and the flow's {@code state}, as if
	 * the user consented at once; {@code callback} with that state (and any code) creates an active credential and
	 * produces {@code credential.connected}; {@code status} reports the flow.
	 */
	private void oauth(List<Route> routes) {
		routes.add(Route.of("POST", "/oauth/initiate", (exchange) -> {
			ObjectNode body = body(exchange);
			String provider = body.path("provider").asString("");
			String serviceId = body.path("service_id").asString("");
			if (provider.isBlank() && serviceId.isBlank()) {
				throw MockApiException.validation("provider or service_id is required");
			}
			ObjectNode flow = this.json.createObjectNode();
			flow.put("id", PlatformState.newId("flow_"));
			flow.put("state", PlatformState.newId("st_"));
			flow.put("provider", provider.isBlank() ? serviceId : provider);
			if (!serviceId.isBlank()) {
				flow.put("service_id", serviceId);
			}
			flow.set("scopes", body.has("scopes") ? body.get("scopes") : this.json.createArrayNode());
			flow.set("metadata", body.has("metadata") ? body.get("metadata") : this.json.createObjectNode());
			flow.put("status", "awaiting_callback");
			flow.put("expires_at", Instant.now().plus(Duration.ofMinutes(15)).toString());
			this.state.put(exchange.namespace(), "oauth-flows", flow);
			String redirectUri = body.path("redirect_uri").asString("");
			String authorizationUrl = UriComponentsBuilder
				.fromUriString(redirectUri.isBlank() ? "https://oauth.mock.interactor.invalid/callback" : redirectUri)
				.queryParam("code", PlatformState.newId("mock_code_"))
				.queryParam("state", flow.get("state").asString())
				.encode()
				.build()
				.toUriString();
			ObjectNode answer = this.json.createObjectNode();
			answer.put("flow_id", flow.get("id").asString());
			answer.put("authorization_url", authorizationUrl);
			answer.put("state", flow.get("state").asString());
			answer.put("expires_at", flow.get("expires_at").asString());
			return created(answer);
		}));
		routes.add(Route.of("POST", "/oauth/callback", (exchange) -> {
			ObjectNode body = body(exchange);
			String flowState = body.path("state").asString("");
			if (body.path("code").asString("").isBlank() || flowState.isBlank()) {
				throw MockApiException.validation("code and state are required");
			}
			String namespace = exchange.namespace();
			ObjectNode credential = this.json.createObjectNode();
			ObjectNode flow;
			synchronized (this.state) {
				flow = this.state.list(namespace, "oauth-flows")
					.stream()
					.filter((candidate) -> flowState.equals(candidate.path("state").asString(""))
							&& "awaiting_callback".equals(candidate.path("status").asString("")))
					.findFirst()
					.orElseThrow(() -> new MockApiException(400, "invalid_state",
							"No OAuth flow awaits a callback with this state"));
				credential.put("id", PlatformState.newId("cred_"));
				credential.put("namespace", namespace);
				credential.put("provider", flow.path("provider").asString(""));
				if (flow.has("service_id")) {
					credential.put("service_id", flow.get("service_id").asString());
				}
				credential.put("status", "active");
				credential.set("scopes", flow.path("scopes").deepCopy());
				credential.put("expires_at", Instant.now().plusSeconds(3600).toString());
				stamp(credential, true);
				this.state.put(namespace, "credentials", credential);
				flow.put("status", "completed");
				flow.put("credential_id", credential.get("id").asString());
			}
			ObjectNode data = this.json.createObjectNode();
			data.put("credential_id", credential.get("id").asString());
			data.put("provider", credential.get("provider").asString());
			data.put("service_id", flow.path("service_id").asString(null));
			data.set("scopes", credential.get("scopes").deepCopy());
			data.set("metadata", flow.path("metadata").deepCopy());
			this.events.publish(namespace, "credential.connected", data);
			return ok(credential);
		}));
		routes.add(Route.of("GET", "/oauth/status/{flowId}", (exchange) -> {
			ObjectNode flow = require(exchange, "oauth-flows", "flowId", "flow_not_found");
			ObjectNode status = this.json.createObjectNode();
			status.put("flow_id", flow.get("id").asString());
			status.put("status", flow.path("status").asString(""));
			if (flow.has("credential_id")) {
				status.put("credential_id", flow.get("credential_id").asString());
			}
			return ok(status);
		}));
	}

	/**
	 * Instances run their workflow's states (see {@link WorkflowDefinition}): they start in the
	 * {@code initial_state}, move on by themselves through states that have a plain transition, halt in a
	 * {@code halting} state until input arrives, follow a transition named by a triggered event, complete in a
	 * {@code terminal} state, and can be cancelled while active. Each change is a {@code workflow.instance.*}
	 * webhook event, an event on the instance's stream ({@code workflow.started}, {@code workflow.state_changed},
	 * {@code workflow.halted}, {@code workflow.completed}, {@code workflow.cancelled}) and a {@code workflow}
	 * message in the instance's thread.
	 */
	private void workflowInstances(List<Route> routes) {
		routes.add(Route.of("POST", "/workflow-instances", (exchange) -> {
			ObjectNode body = body(exchange);
			String workflowId = body.path("workflow_id").asString("");
			if (workflowId.isBlank()) {
				throw MockApiException.validation("workflow_id is required");
			}
			String namespace = exchange.namespace();
			ObjectNode workflow = this.state.find(namespace, "workflows", workflowId);
			if (workflow == null) {
				throw MockApiException.notFound("workflow_not_found", "Workflow not found");
			}
			ObjectNode instance = this.json.createObjectNode();
			instance.put("id", PlatformState.newId("wfi_"));
			instance.put("workflow_id", workflowId);
			instance.put("workflow_name", workflow.path("name").asString(""));
			instance.put("namespace", namespace);
			instance.put("status", "running");
			instance.put("current_state", workflow.path("initial_state").asString("start"));
			instance.set("context", body.has("context") ? body.get("context") : this.json.createObjectNode());
			instance.put("thread_id", PlatformState.newId("thr_"));
			stamp(instance, true);
			synchronized (this.state) {
				this.state.put(namespace, "workflow-instances", instance);
				instanceEvent(namespace, instance, "started", null);
				run(namespace, instance, new WorkflowDefinition(workflow));
			}
			return created(instance);
		}));
		routes.add(Route.of("GET", "/workflow-instances", (exchange) -> list(exchange, "workflow-instances",
				(item) -> matches(item, "workflow_id", exchange.queryParam("workflow_id"))
						&& matches(item, "status", exchange.queryParam("status")))));
		routes.add(Route.of("GET", "/workflow-instances/{instanceId}", (exchange) -> ok(instance(exchange))));
		routes.add(Route.of("POST", "/workflow-instances/{instanceId}/input", (exchange) -> {
			ObjectNode instance = instance(exchange);
			ObjectNode input = body(exchange);
			synchronized (this.state) {
				if (!"halted".equals(instance.path("status").asString(""))) {
					throw new MockApiException(409, "instance_not_halted", "The instance is not waiting for input");
				}
				WorkflowDefinition definition = definition(exchange.namespace(), instance);
				merge(instance, input);
				instance.set("input", input);
				String next = definition.first(instance.path("current_state").asString(""));
				if (next != null) {
					moveTo(exchange.namespace(), instance, next);
					run(exchange.namespace(), instance, definition);
				}
				else {
					complete(exchange.namespace(), instance);
				}
			}
			return ok(instance);
		}));
		routes.add(Route.of("POST", "/workflow-instances/{instanceId}/events", (exchange) -> {
			ObjectNode instance = instance(exchange);
			ObjectNode body = body(exchange);
			String event = body.path("event").asString("");
			if (event.isBlank()) {
				throw MockApiException.validation("event is required");
			}
			synchronized (this.state) {
				requireActive(instance);
				WorkflowDefinition definition = definition(exchange.namespace(), instance);
				String next = definition.next(instance.path("current_state").asString(""), event);
				if (next == null) {
					throw new MockApiException(409, "event_not_accepted",
							"The current state has no transition for this event");
				}
				if (body.path("payload") instanceof ObjectNode payload) {
					merge(instance, payload);
				}
				moveTo(exchange.namespace(), instance, next);
				run(exchange.namespace(), instance, definition);
			}
			return ok(instance);
		}));
		routes.add(Route.of("POST", "/workflow-instances/{instanceId}/cancel", (exchange) -> {
			ObjectNode instance = instance(exchange);
			synchronized (this.state) {
				requireActive(instance);
				instance.put("status", "cancelled");
				instance.put("cancelled_at", Instant.now().toString());
				stamp(instance, false);
				instanceEvent(exchange.namespace(), instance, "cancelled", null);
			}
			return ok(instance);
		}));
		routes.add(Route.of("GET", "/workflow-instances/{instanceId}/thread", (exchange) -> {
			ObjectNode instance = instance(exchange);
			ObjectNode thread = this.json.createObjectNode();
			thread.put("id", instance.path("thread_id").asString(""));
			thread.put("instance_id", instance.get("id").asString());
			ArrayNode messages = thread.putArray("messages");
			this.state.list(exchange.namespace(), threadOf(instance)).forEach(messages::add);
			thread.put("created_at", instance.path("created_at").asString(""));
			return ok(thread);
		}));
		routes.add(Route.of("POST", "/workflow-instances/{instanceId}/thread/messages", (exchange) -> {
			ObjectNode instance = instance(exchange);
			String content = body(exchange).path("content").asString("");
			if (content.isBlank()) {
				throw MockApiException.validation("content is required");
			}
			return created(threadMessage(exchange.namespace(), instance, "user", content));
		}));
		routes.add(Route.of("GET", "/workflow-instances/{instanceId}/stream", (exchange) -> {
			ObjectNode instance = instance(exchange);
			return eventStream(exchange,
					this.state.instanceEvents(exchange.namespace(), instance.get("id").asString()));
		}));
	}

	/** Move on from the current state until the instance halts, completes or waits for an event. */
	private void run(String namespace, ObjectNode instance, WorkflowDefinition definition) {
		// A definition whose plain transitions loop would run for ever: stop after a generous number of steps.
		for (int step = 0; step < 100; step++) {
			String current = instance.path("current_state").asString("");
			String type = definition.type(current);
			if ("halting".equals(type)) {
				instance.put("status", "halted");
				JsonNode presentation = definition.presentation(current);
				instance.set("halting_presentation", (presentation != null) ? presentation.deepCopy() : null);
				stamp(instance, false);
				instanceEvent(namespace, instance, "halted", presentation);
				return;
			}
			if ("terminal".equals(type)) {
				complete(namespace, instance);
				return;
			}
			String next = definition.next(current, null);
			if (next == null) {
				return;
			}
			moveTo(namespace, instance, next);
		}
		instance.put("status", "failed");
		ObjectNode error = instance.putObject("error");
		error.put("code", "step_limit_exceeded");
		error.put("message", "The workflow's transitions loop");
		stamp(instance, false);
		instanceEvent(namespace, instance, "failed", null);
	}

	private void moveTo(String namespace, ObjectNode instance, String next) {
		String previous = instance.path("current_state").asString("");
		instance.put("current_state", next);
		instance.put("status", "running");
		instance.remove("halting_presentation");
		stamp(instance, false);
		threadMessage(namespace, instance, "workflow", "Moved from " + previous + " to " + next);
		instanceEvent(namespace, instance, "state_changed", null);
	}

	private void complete(String namespace, ObjectNode instance) {
		instance.put("status", "completed");
		instance.remove("halting_presentation");
		stamp(instance, false);
		instanceEvent(namespace, instance, "completed", null);
	}

	/**
	 * Report a change of an instance: the {@code workflow.instance.<change>} webhook event and the
	 * {@code workflow.<change>} stream event.
	 */
	private void instanceEvent(String namespace, ObjectNode instance, String change, @Nullable JsonNode presentation) {
		ObjectNode data = this.json.createObjectNode();
		data.put("instance_id", instance.get("id").asString());
		data.put("workflow_id", instance.path("workflow_id").asString(""));
		data.put("status", instance.path("status").asString(""));
		data.put("current_state", instance.path("current_state").asString(""));
		data.set("context", instance.path("context").deepCopy());
		if (presentation != null) {
			data.set("presentation", presentation.deepCopy());
		}
		this.events.publish(namespace, "workflow.instance." + change, data);
		ObjectNode frame = data.deepCopy();
		frame.put("type", "workflow." + change);
		frame.put("state", instance.path("current_state").asString(""));
		this.state.instanceEvents(namespace, instance.get("id").asString())
			.append("workflow." + change, this.json.writeValueAsString(frame));
	}

	private ObjectNode threadMessage(String namespace, ObjectNode instance, String role, String content) {
		ObjectNode message = this.json.createObjectNode();
		message.put("id", PlatformState.newId("tmsg_"));
		message.put("role", role);
		message.put("content", content);
		message.put("created_at", Instant.now().toString());
		this.state.put(namespace, threadOf(instance), message);
		return message;
	}

	private static String threadOf(ObjectNode instance) {
		return "thread:" + instance.get("id").asString();
	}

	private WorkflowDefinition definition(String namespace, ObjectNode instance) {
		ObjectNode workflow = this.state.find(namespace, "workflows", instance.path("workflow_id").asString(""));
		return new WorkflowDefinition((workflow != null) ? workflow : this.json.createObjectNode());
	}

	private static void requireActive(ObjectNode instance) {
		String status = instance.path("status").asString("");
		if (!"running".equals(status) && !"halted".equals(status)) {
			throw new MockApiException(400, "instance_not_active", "The instance is not active");
		}
	}

	private void merge(ObjectNode instance, ObjectNode values) {
		JsonNode context = instance.get("context");
		ObjectNode merged = (context instanceof ObjectNode object) ? object : instance.putObject("context");
		merged.setAll(values.deepCopy());
	}

	private ObjectNode instance(MockExchange exchange) {
		return require(exchange, "workflow-instances", "instanceId", "instance_not_found");
	}

	private ObjectNode credential(MockExchange exchange) {
		return require(exchange, "credentials", "credentialId", "credential_not_found");
	}

	private void onCreate(String collection, ObjectNode created) {
		if ("webhooks".equals(collection)) {
			if (!created.hasNonNull("secret")) {
				created.put("secret", PlatformState.newId("whsec_"));
			}
			JsonNode enabled = created.remove("enabled");
			created.put("active", enabled == null || enabled.asBoolean(true));
		}
		if ("data-sources".equals(collection)) {
			created.put("status", "connected");
		}
	}

	/** The platform shows a webhook's secret only when it is created. */
	private ObjectNode view(String collection, ObjectNode item, boolean created) {
		if ("webhooks".equals(collection) && !created) {
			ObjectNode copy = item.deepCopy();
			copy.remove("secret");
			return copy;
		}
		return item;
	}

	private MockResponse createRoom(MockExchange exchange) {
		ObjectNode body = body(exchange);
		String assistantId = body.path("assistant_id").asString("");
		if (assistantId.isBlank()) {
			throw MockApiException.validation("assistant_id is required");
		}
		if (this.state.find(exchange.namespace(), "assistants", assistantId) == null) {
			throw MockApiException.notFound("assistant_not_found", "Assistant not found");
		}
		ObjectNode room = this.json.createObjectNode();
		room.put("id", PlatformState.newId("room_"));
		room.put("assistant_id", assistantId);
		room.put("namespace", exchange.namespace());
		room.set("metadata", body.has("metadata") ? body.get("metadata") : this.json.createObjectNode());
		room.put("status", "active");
		room.put("message_count", 0);
		stamp(room, true);
		this.state.put(exchange.namespace(), "rooms", room);
		return created(room);
	}

	private MockResponse sendMessage(MockExchange exchange) {
		ObjectNode room = room(exchange);
		ObjectNode body = body(exchange);
		String content = body.path("content").asString("");
		if (content.isBlank()) {
			throw MockApiException.validation("content is required");
		}
		String namespace = exchange.namespace();
		String roomId = room.get("id").asString();
		ObjectNode userMessage = message(roomId, body.path("role").asString("user"), content);
		if (body.has("metadata")) {
			userMessage.set("metadata", body.get("metadata"));
		}
		addMessage(namespace, room, userMessage);
		if ("user".equals(userMessage.get("role").asString())) {
			reply(namespace, room, content);
		}
		return created(userMessage);
	}

	/** A tool result is stored as a {@code tool} message whose content is the result's JSON. */
	private MockResponse submitToolResult(MockExchange exchange) {
		ObjectNode room = room(exchange);
		ObjectNode body = body(exchange);
		String toolCallId = body.path("tool_call_id").asString("");
		if (toolCallId.isBlank()) {
			throw MockApiException.validation("tool_call_id is required");
		}
		JsonNode result = body.path("result");
		String content = result.isString() ? result.asString() : this.json.writeValueAsString(result);
		ObjectNode message = message(room.get("id").asString(), "tool", content);
		message.put("tool_call_id", toolCallId);
		addMessage(exchange.namespace(), room, message);
		return created(message);
	}

	private void reply(String namespace, ObjectNode room, String content) {
		String roomId = room.get("id").asString();
		String assistantId = room.path("assistant_id").asString("");
		String text = this.replies.get().reply(new ReplyGenerator.Prompt(namespace, assistantId, roomId, content));
		ObjectNode reply = message(roomId, "assistant", text);
		RoomEventLog events = this.state.roomEvents(namespace, roomId);
		List<String> chunks = List.of(text.split("(?<=\\s)"));
		if (this.replyChunkInterval.isZero()) {
			chunks.forEach((chunk) -> appendDelta(events, reply, chunk));
			completeReply(namespace, room, reply, events);
			return;
		}
		// Paced like a model generating tokens: the request is answered at once, the reply is stored (and its
		// room.message.created delivered) once the last piece was streamed.
		Flux.fromIterable(chunks)
			.delayElements(this.replyChunkInterval)
			.doOnNext((chunk) -> appendDelta(events, reply, chunk))
			.takeUntilOther(this.closing)
			.then(Mono.fromRunnable(() -> completeReply(namespace, room, reply, events)))
			.subscribe();
	}

	private void appendDelta(RoomEventLog events, ObjectNode reply, String chunk) {
		ObjectNode delta = this.json.createObjectNode();
		delta.put("type", "message.delta");
		delta.put("message_id", reply.get("id").asString());
		delta.put("content", chunk);
		events.append("message.delta", this.json.writeValueAsString(delta));
	}

	private void completeReply(String namespace, ObjectNode room, ObjectNode reply, RoomEventLog events) {
		addMessage(namespace, room, reply);
		ObjectNode complete = this.json.createObjectNode();
		complete.put("type", "message.complete");
		complete.set("message", reply);
		events.append("message.complete", this.json.writeValueAsString(complete));
	}

	private void addMessage(String namespace, ObjectNode room, ObjectNode message) {
		this.state.put(namespace, messagesOf(room.get("id").asString()), message);
		room.put("message_count", room.path("message_count").asInt(0) + 1);
		room.put("last_message_at", message.get("created_at").asString());
		ObjectNode data = this.json.createObjectNode();
		data.put("message_id", message.get("id").asString());
		data.put("room_id", room.get("id").asString());
		data.put("role", message.get("role").asString());
		data.put("content", message.get("content").asString());
		data.putNull("tool_calls");
		this.events.publish(namespace, "room.message.created", data);
	}

	private ObjectNode message(String roomId, String role, String content) {
		ObjectNode message = this.json.createObjectNode();
		message.put("id", PlatformState.newId("msg_"));
		message.put("room_id", roomId);
		message.put("role", role);
		message.put("content", content);
		message.put("created_at", Instant.now().toString());
		return message;
	}

	private MockResponse listMessages(MockExchange exchange) {
		ObjectNode room = room(exchange);
		List<ObjectNode> messages = this.state.list(exchange.namespace(), messagesOf(room.get("id").asString()));
		if ("desc".equals(exchange.queryParam("order"))) {
			java.util.Collections.reverse(messages);
		}
		return page(exchange, messages);
	}

	private MockResponse stream(MockExchange exchange) {
		ObjectNode room = room(exchange);
		return eventStream(exchange, this.state.roomEvents(exchange.namespace(), room.get("id").asString()));
	}

	/** The log's events after {@code Last-Event-ID}, then live ones, with heartbeat comments in between. */
	private MockResponse eventStream(MockExchange exchange, RoomEventLog events) {
		long lastEventId = parseLastEventId(exchange.header("Last-Event-ID"));
		Flux<String> frames = events.after(lastEventId).map(RoomEventLog.Event::frame);
		Flux<String> heartbeats = Flux.interval(this.heartbeatInterval).map((tick) -> ": heartbeat\n\n");
		return MockResponse.eventStream(Flux.concat(Flux.just(": connected\n\n"), Flux.merge(frames, heartbeats))
			.takeUntilOther(this.closing));
	}

	private static long parseLastEventId(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return 0;
		}
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static String messagesOf(String roomId) {
		return "messages:" + roomId;
	}

	private ObjectNode room(MockExchange exchange) {
		return require(exchange, "rooms", "roomId", "room_not_found");
	}

	private ObjectNode require(MockExchange exchange, String collection, String idVariable, String notFoundCode) {
		ObjectNode item = this.state.find(exchange.namespace(), collection, exchange.variable(idVariable));
		if (item == null) {
			throw MockApiException.notFound(notFoundCode, "Not found");
		}
		return item;
	}

	private ObjectNode update(MockExchange exchange, ObjectNode item, String collection) {
		ObjectNode changes = body(exchange);
		synchronized (this.state) {
			for (Map.Entry<String, JsonNode> change : changes.properties()) {
				if (!List.of("id", "namespace", "created_at").contains(change.getKey())) {
					item.set(change.getKey(), change.getValue());
				}
			}
			if ("webhooks".equals(collection) && item.has("enabled")) {
				item.put("active", item.remove("enabled").asBoolean(true));
			}
			stamp(item, false);
		}
		return item;
	}

	private MockResponse list(MockExchange exchange, String collection,
			java.util.function.Predicate<ObjectNode> filter) {
		List<ObjectNode> items = new ArrayList<>(this.state.list(exchange.namespace(), collection));
		items.removeIf(filter.negate());
		return page(exchange, items.stream().map((item) -> view(collection, item, false)).toList());
	}

	private MockResponse page(MockExchange exchange, List<ObjectNode> items) {
		int page = Math.max(1, exchange.intQueryParam("page", 1));
		int perPage = exchange.intQueryParam("per_page", DEFAULT_PER_PAGE);
		if (perPage < 1 || perPage > MAX_PER_PAGE) {
			throw MockApiException.validation("per_page must be between 1 and " + MAX_PER_PAGE);
		}
		int total = items.size();
		int totalPages = (total + perPage - 1) / perPage;
		int from = Math.min(total, (page - 1) * perPage);
		int to = Math.min(total, from + perPage);
		ObjectNode root = this.json.createObjectNode();
		ArrayNode data = root.putArray("data");
		items.subList(from, to).forEach(data::add);
		ObjectNode meta = root.putObject("meta");
		meta.put("page", page);
		meta.put("per_page", perPage);
		meta.put("total", total);
		meta.put("total_pages", totalPages);
		meta.put("has_more", page < totalPages);
		return MockResponse.json(200, this.json.writeValueAsString(root));
	}

	private static boolean matches(ObjectNode item, String field, @Nullable String expected) {
		return expected == null || expected.equals(item.path(field).asString(null));
	}

	private ObjectNode body(MockExchange exchange) {
		String text = exchange.request().body();
		if (text.isBlank()) {
			return this.json.createObjectNode();
		}
		JsonNode node;
		try {
			node = this.json.readTree(text);
		}
		catch (RuntimeException ex) {
			throw new MockApiException(400, "invalid_request", "The body is not valid JSON");
		}
		if (!(node instanceof ObjectNode object)) {
			throw new MockApiException(400, "invalid_request", "The body must be a JSON object");
		}
		return object;
	}

	private static void stamp(ObjectNode item, boolean created) {
		String now = Instant.now().toString();
		if (created) {
			item.put("created_at", now);
		}
		item.put("updated_at", now);
	}

	private MockResponse ok(JsonNode data) {
		return MockResponse.json(200, envelope(data));
	}

	private MockResponse created(JsonNode data) {
		return MockResponse.json(201, envelope(data));
	}

	private String envelope(JsonNode data) {
		ObjectNode root = this.json.createObjectNode();
		root.set("data", data);
		return this.json.writeValueAsString(root);
	}

}
