package io.interactor.spring.client.resource;

import java.util.stream.Stream;

import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.core.Page;
import io.interactor.spring.client.core.Paging;
import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.http.ApiRequest;
import io.interactor.spring.client.stream.EventStream;
import io.interactor.spring.client.stream.StreamSettings;

/**
 * Rooms ({@code /rooms}), blocking. The same operations as {@link ReactiveRooms}; {@link #stream} returns an
 * {@link EventStream} to iterate over and close.
 */
public final class Rooms {

	private final ReactiveRooms reactive;

	public Rooms(ReactiveRooms reactive) {
		this.reactive = reactive;
	}

	/**
	 * Create a room. An {@code Idempotency-Key} is generated unless {@code options} carries one.
	 * @param namespace the namespace
	 * @param request the assistant and metadata
	 * @param options per-call options
	 * @return the created room
	 */
	public Room create(String namespace, CreateRoomRequest request, RequestOptions options) {
		return Blocking.require(this.reactive.create(namespace, request, options));
	}

	/**
	 * Create a room with a generated {@code Idempotency-Key}.
	 * @param namespace the namespace
	 * @param request the assistant and metadata
	 * @return the created room
	 */
	public Room create(String namespace, CreateRoomRequest request) {
		return create(namespace, request, RequestOptions.none());
	}

	/**
	 * Get a room.
	 * @param namespace the namespace
	 * @param roomId the room id
	 * @return the room
	 * @throws io.interactor.spring.client.error.InteractorNotFoundException if there is none
	 */
	public Room get(String namespace, String roomId) {
		return Blocking.require(this.reactive.get(namespace, roomId));
	}

	/**
	 * List the first page of rooms.
	 * @param namespace the namespace
	 * @return the page
	 */
	public Page<Room> list(String namespace) {
		return list(namespace, RoomFilter.none(), ListParams.defaults());
	}

	/**
	 * List one page of rooms.
	 * @param namespace the namespace
	 * @param filter the assistant filter
	 * @param params the page to fetch
	 * @return the page
	 */
	public Page<Room> list(String namespace, RoomFilter filter, ListParams params) {
		return Blocking.require(this.reactive.list(namespace, filter, params));
	}

	/**
	 * Every room; a page is fetched when the stream reaches it.
	 * @param namespace the namespace
	 * @return the rooms
	 */
	public Stream<Room> listAll(String namespace) {
		return listAll(namespace, RoomFilter.none(), ListParams.defaults());
	}

	/**
	 * Every matching room from a given page on; a page is fetched when the stream reaches it.
	 * @param namespace the namespace
	 * @param filter the assistant filter
	 * @param params the first page and the page size
	 * @return the rooms
	 */
	public Stream<Room> listAll(String namespace, RoomFilter filter, ListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.stream(params.pageOrFirst(), (page) -> list(namespace, filter, params.withPage(page)));
	}

	/**
	 * Replace a room's metadata.
	 * @param namespace the namespace
	 * @param roomId the room id
	 * @param request the new metadata
	 * @return the updated room
	 */
	public Room update(String namespace, String roomId, UpdateRoomRequest request) {
		return Blocking.require(this.reactive.update(namespace, roomId, request));
	}

	/**
	 * Delete a room and its messages.
	 * @param namespace the namespace
	 * @param roomId the room id
	 */
	public void delete(String namespace, String roomId) {
		this.reactive.delete(namespace, roomId).block();
	}

	/**
	 * Post a message. An {@code Idempotency-Key} is generated unless {@code options} carries one.
	 * @param namespace the namespace
	 * @param roomId the room id
	 * @param request the message
	 * @param options per-call options
	 * @return the stored message
	 */
	public Message sendMessage(String namespace, String roomId, SendMessageRequest request, RequestOptions options) {
		return Blocking.require(this.reactive.sendMessage(namespace, roomId, request, options));
	}

	/**
	 * Post a message with a generated {@code Idempotency-Key}.
	 * @param namespace the namespace
	 * @param roomId the room id
	 * @param request the message
	 * @return the stored message
	 */
	public Message sendMessage(String namespace, String roomId, SendMessageRequest request) {
		return sendMessage(namespace, roomId, request, RequestOptions.none());
	}

	/**
	 * List the first page of a room's messages.
	 * @param namespace the namespace
	 * @param roomId the room id
	 * @return the page
	 */
	public Page<Message> listMessages(String namespace, String roomId) {
		return listMessages(namespace, roomId, MessageListParams.defaults());
	}

	/**
	 * List one page of a room's messages, by page number or cursor.
	 * @param namespace the namespace
	 * @param roomId the room id
	 * @param params order and page
	 * @return the page
	 */
	public Page<Message> listMessages(String namespace, String roomId, MessageListParams params) {
		return Blocking.require(this.reactive.listMessages(namespace, roomId, params));
	}

	/**
	 * Every message of a room; a page is fetched when the stream reaches it.
	 * @param namespace the namespace
	 * @param roomId the room id
	 * @return the messages
	 */
	public Stream<Message> listAllMessages(String namespace, String roomId) {
		return listAllMessages(namespace, roomId, MessageListParams.defaults());
	}

	/**
	 * Every message of a room from the given page on; a page is fetched when the stream reaches it.
	 * @param namespace the namespace
	 * @param roomId the room id
	 * @param params order, page size and the first page
	 * @return the messages
	 */
	public Stream<Message> listAllMessages(String namespace, String roomId, MessageListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.stream(params, (p) -> listMessages(namespace, roomId, p), ReactiveRooms::nextMessages);
	}

	/**
	 * Answer a client-executed tool call.
	 * @param namespace the namespace
	 * @param roomId the room id
	 * @param request the call id and result
	 * @param options per-call options
	 * @return the resulting message
	 */
	public Message submitToolResult(String namespace, String roomId, SubmitToolResultRequest request,
			RequestOptions options) {
		return Blocking.require(this.reactive.submitToolResult(namespace, roomId, request, options));
	}

	/**
	 * Answer a client-executed tool call.
	 * @param namespace the namespace
	 * @param roomId the room id
	 * @param request the call id and result
	 * @return the resulting message
	 */
	public Message submitToolResult(String namespace, String roomId, SubmitToolResultRequest request) {
		return submitToolResult(namespace, roomId, request, RequestOptions.none());
	}

	/**
	 * Open the room's event stream with the default settings; close the returned stream to disconnect.
	 * @param namespace the namespace
	 * @param roomId the room id
	 * @return the open stream
	 */
	public EventStream stream(String namespace, String roomId) {
		return stream(namespace, roomId, StreamSettings.defaults());
	}

	/**
	 * Open the room's event stream; close the returned stream to disconnect.
	 * @param namespace the namespace
	 * @param roomId the room id
	 * @param settings reconnect and heartbeat settings
	 * @return the open stream
	 */
	public EventStream stream(String namespace, String roomId, StreamSettings settings) {
		return new EventStream(this.reactive.stream(namespace, roomId, settings));
	}

}
