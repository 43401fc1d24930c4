package io.interactor.spring.client.resource;

import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.core.Page;
import io.interactor.spring.client.core.PageMeta;
import io.interactor.spring.client.core.Paging;
import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.http.ApiRequest;
import io.interactor.spring.client.http.CoreApiClient;
import io.interactor.spring.client.stream.EventStreamConnector;
import io.interactor.spring.client.stream.StreamEvent;
import io.interactor.spring.client.stream.StreamSettings;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rooms ({@code /rooms}), reactive: conversations with an assistant, their messages, tool results and event
 * stream.
 *
 * @since 0.1.0
 */
public final class ReactiveRooms {

	static final String COLLECTION = "/rooms";

	static final String ITEM = "/rooms/{roomId}";

	private final CoreApiClient api;

	private final EventStreamConnector streams;

	public ReactiveRooms(CoreApiClient api, EventStreamConnector streams) {
		this.api = api;
		this.streams = streams;
	}

	/**
	 * Create a room. An {@code Idempotency-Key} is generated unless {@code options} carries one.
	 * @param namespace the namespace (the user talking)
	 * @param request the assistant and metadata
	 * @param options per-call options
	 * @return the created room
	 */
	public Mono<Room> create(String namespace, CreateRoomRequest request, RequestOptions options) {
		return this.api.retrieve(
				ApiRequest.post(namespace, COLLECTION).body(request).options(options).generateIdempotencyKey(),
				Room.class);
	}

	/**
	 * Create a room with a generated {@code Idempotency-Key}.
	 * @param namespace the namespace
	 * @param request the assistant and metadata
	 * @return the created room
	 */
	public Mono<Room> create(String namespace, CreateRoomRequest request) {
		return create(namespace, request, RequestOptions.none());
	}

	/**
	 * Get a room.
	 * @param namespace the namespace
	 * @param roomId the room id
	 * @return the room; errors with {@code InteractorNotFoundException} if there is none
	 */
	public Mono<Room> get(String namespace, String roomId) {
		return this.api.retrieve(ApiRequest.get(namespace, ITEM, roomId), Room.class);
	}

	/**
	 * List the first page of rooms.
	 * @param namespace the namespace
	 * @return the page
	 */
	public Mono<Page<Room>> list(String namespace) {
		return list(namespace, RoomFilter.none(), ListParams.defaults());
	}

	/**
	 * List one page of rooms.
	 * @param namespace the namespace
	 * @param filter the assistant filter
	 * @param params the page to fetch
	 * @return the page
	 */
	public Mono<Page<Room>> list(String namespace, RoomFilter filter, ListParams params) {
		return this.api.retrievePage(ApiRequest.get(namespace, COLLECTION)
			.query("assistant_id", filter.assistantId())
			.query("page", params.page())
			.query("per_page", params.perPage()), Room.class);
	}

	/**
	 * Every room, fetching pages lazily as the subscriber demands items.
	 * @param namespace the namespace
	 * @return the rooms
	 */
	public Flux<Room> listAll(String namespace) {
		return listAll(namespace, RoomFilter.none(), ListParams.defaults());
	}

	/**
	 * Every matching room from a given page on, fetching pages lazily.
	 * @param namespace the namespace
	 * @param filter the assistant filter
	 * @param params the first page and the page size
	 * @return the rooms
	 */
	public Flux<Room> listAll(String namespace, RoomFilter filter, ListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.flux(params.pageOrFirst(), (page) -> list(namespace, filter, params.withPage(page)));
	}

	/**
	 * Replace a room's metadata.
	 * @param namespace the namespace
	 * @param roomId the room id
	 * @param request the new metadata
	 * @return the updated room
	 */
	public Mono<Room> update(String namespace, String roomId, UpdateRoomRequest request) {
		return this.api.retrieve(ApiRequest.patch(namespace, ITEM, roomId).body(request), Room.class);
	}

	/**
	 * Delete a room and its messages.
	 * @param namespace the namespace
	 * @param roomId the room id
	 * @return completes when deleted
	 */
	public Mono<Void> delete(String namespace, String roomId) {
		return this.api.retrieveEmpty(ApiRequest.delete(namespace, ITEM, roomId));
	}

	/**
	 * Post a message. An {@code Idempotency-Key} is generated unless {@code options} carries one; the assistant's
	 * reply arrives on {@link #stream} (or by webhook).
	 * @param namespace the namespace
	 * @param roomId the room id
	 * @param request the message
	 * @param options per-call options
	 * @return the stored message
	 */
	public Mono<Message> sendMessage(String namespace, String roomId, SendMessageRequest request,
			RequestOptions options) {
		return this.api.retrieve(ApiRequest.post(namespace, ITEM + "/messages", roomId)
			.body(request)
			.options(options)
			.generateIdempotencyKey(), Message.class);
	}

	/**
	 * Post a message with a generated {@code Idempotency-Key}.
	 * @param namespace the namespace
	 * @param roomId the room id
	 * @param request the message
	 * @return the stored message
	 */
	public Mono<Message> sendMessage(String namespace, String roomId, SendMessageRequest request) {
		return sendMessage(namespace, roomId, request, RequestOptions.none());
	}

	/**
	 * List the first page of a room's messages.
	 * @param namespace the namespace
	 * @param roomId the room id
	 * @return the page
	 */
	public Mono<Page<Message>> listMessages(String namespace, String roomId) {
		return listMessages(namespace, roomId, MessageListParams.defaults());
	}

	/**
	 * List one page of a room's messages, by page number or cursor.
	 * @param namespace the namespace
	 * @param roomId the room id
	 * @param params order and page
	 * @return the page; {@code meta().nextCursor()} is set when the server pages by cursor
	 */
	public Mono<Page<Message>> listMessages(String namespace, String roomId, MessageListParams params) {
		return this.api.retrievePage(ApiRequest.get(namespace, ITEM + "/messages", roomId)
			.query("order", (params.order() != null) ? params.order().value() : null)
			.query("page", params.page())
			.query("per_page", params.perPage())
			.query("limit", params.limit())
			.query("cursor", params.cursor()), Message.class);
	}

	/**
	 * Every message of a room, fetching pages lazily; follows {@code next_cursor} when the server pages by cursor,
	 * else page numbers.
	 * @param namespace the namespace
	 * @param roomId the room id
	 * @return the messages
	 */
	public Flux<Message> listAllMessages(String namespace, String roomId) {
		return listAllMessages(namespace, roomId, MessageListParams.defaults());
	}

	/**
	 * Every message of a room from the given page on, fetching pages lazily.
	 * @param namespace the namespace
	 * @param roomId the room id
	 * @param params order, page size and the first page
	 * @return the messages
	 */
	public Flux<Message> listAllMessages(String namespace, String roomId, MessageListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.flux(params, (p) -> listMessages(namespace, roomId, p), ReactiveRooms::nextMessages);
	}

	static @Nullable MessageListParams nextMessages(MessageListParams current, Page<Message> page) {
		PageMeta meta = page.meta();
		if (!meta.hasNext()) {
			return null;
		}
		if (meta.nextCursor() != null && !meta.nextCursor().isEmpty()) {
			return current.withCursor(meta.nextCursor());
		}
		int served = (meta.page() != null) ? meta.page() : ((current.page() != null) ? current.page() : 1);
		return current.withPage(served + 1);
	}

	/**
	 * Answer a client-executed tool call.
	 * @param namespace the namespace
	 * @param roomId the room id
	 * @param request the call id and result
	 * @param options per-call options
	 * @return the resulting message
	 */
	public Mono<Message> submitToolResult(String namespace, String roomId, SubmitToolResultRequest request,
			RequestOptions options) {
		return this.api.retrieve(
				ApiRequest.post(namespace, ITEM + "/tool-results", roomId).body(request).options(options),
				Message.class);
	}

	/**
	 * Answer a client-executed tool call.
	 * @param namespace the namespace
	 * @param roomId the room id
	 * @param request the call id and result
	 * @return the resulting message
	 */
	public Mono<Message> submitToolResult(String namespace, String roomId, SubmitToolResultRequest request) {
		return submitToolResult(namespace, roomId, request, RequestOptions.none());
	}

	/**
	 * The room's server-sent events, with the default {@link StreamSettings}. Connects on subscription (token in
	 * the {@code Authorization} header), reconnects with back-off and {@code Last-Event-ID}; cancel to close.
	 * @param namespace the namespace
	 * @param roomId the room id
	 * @return the events
	 */
	public Flux<StreamEvent> stream(String namespace, String roomId) {
		return stream(namespace, roomId, StreamSettings.defaults());
	}

	/**
	 * The room's server-sent events.
	 * @param namespace the namespace
	 * @param roomId the room id
	 * @param settings reconnect and heartbeat settings
	 * @return the events
	 */
	public Flux<StreamEvent> stream(String namespace, String roomId, StreamSettings settings) {
		return stream(namespace, roomId, settings, null);
	}

	/**
	 * The room's server-sent events after a known event: the first connection sends {@code lastEventId} as
	 * {@code Last-Event-ID}, so that the platform replays what came after it (a browser reconnecting through a
	 * relay, an application picking up where it stopped). Reconnects then resume after the last id received.
	 * @param namespace the namespace
	 * @param roomId the room id
	 * @param settings reconnect and heartbeat settings
	 * @param lastEventId the id of the last event already received, or {@code null} (or empty) for none
	 * @return the events
	 * @since 0.1.0
	 */
	public Flux<StreamEvent> stream(String namespace, String roomId, StreamSettings settings,
			@Nullable String lastEventId) {
		return this.streams.connect(ApiRequest.get(namespace, ITEM + "/stream", roomId), settings, lastEventId);
	}

}
