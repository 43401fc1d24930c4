package io.interactor.spring.client.resource;

import java.util.stream.Stream;

import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.core.Page;
import io.interactor.spring.client.core.Paging;
import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.http.ApiRequest;
import io.interactor.spring.client.stream.EventStream;
import io.interactor.spring.client.stream.StreamSettings;
import org.jspecify.annotations.Nullable;

/**
 * Rooms ({@code /rooms}), blocking: the methods of {@link ReactiveRooms}, documented there; the {@linkplain
 * io.interactor.spring.client.resource package documentation} says how a blocking method differs.
 *
 * @since 0.1.0
 */
public final class Rooms {

	private final ReactiveRooms reactive;

	public Rooms(ReactiveRooms reactive) {
		this.reactive = reactive;
	}

	/**
	 * Blocking {@link ReactiveRooms#create(String, CreateRoomRequest, RequestOptions)}.
	 */
	public Room create(String namespace, CreateRoomRequest request, RequestOptions options) {
		return Blocking.require(this.reactive.create(namespace, request, options));
	}

	/**
	 * Blocking {@link ReactiveRooms#create(String, CreateRoomRequest)}.
	 */
	public Room create(String namespace, CreateRoomRequest request) {
		return create(namespace, request, RequestOptions.none());
	}

	/**
	 * Blocking {@link ReactiveRooms#get(String, String)}.
	 * @throws io.interactor.spring.client.error.InteractorNotFoundException if there is none
	 */
	public Room get(String namespace, String roomId) {
		return Blocking.require(this.reactive.get(namespace, roomId));
	}

	/**
	 * Blocking {@link ReactiveRooms#list(String)}.
	 */
	public Page<Room> list(String namespace) {
		return list(namespace, RoomFilter.none(), ListParams.defaults());
	}

	/**
	 * Blocking {@link ReactiveRooms#list(String, RoomFilter, ListParams)}.
	 */
	public Page<Room> list(String namespace, RoomFilter filter, ListParams params) {
		return Blocking.require(this.reactive.list(namespace, filter, params));
	}

	/**
	 * Blocking {@link ReactiveRooms#listAll(String)}.
	 * @return a lazy stream: a page is fetched when the stream reaches it
	 */
	public Stream<Room> listAll(String namespace) {
		return listAll(namespace, RoomFilter.none(), ListParams.defaults());
	}

	/**
	 * Blocking {@link ReactiveRooms#listAll(String, RoomFilter, ListParams)}.
	 * @return a lazy stream: a page is fetched when the stream reaches it
	 */
	public Stream<Room> listAll(String namespace, RoomFilter filter, ListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.stream(params.pageOrFirst(), (page) -> list(namespace, filter, params.withPage(page)));
	}

	/**
	 * Blocking {@link ReactiveRooms#update(String, String, UpdateRoomRequest)}.
	 */
	public Room update(String namespace, String roomId, UpdateRoomRequest request) {
		return Blocking.require(this.reactive.update(namespace, roomId, request));
	}

	/**
	 * Blocking {@link ReactiveRooms#delete(String, String)}.
	 */
	public void delete(String namespace, String roomId) {
		Blocking.run(this.reactive.delete(namespace, roomId));
	}

	/**
	 * Blocking {@link ReactiveRooms#sendMessage(String, String, SendMessageRequest, RequestOptions)}.
	 */
	public Message sendMessage(String namespace, String roomId, SendMessageRequest request, RequestOptions options) {
		return Blocking.require(this.reactive.sendMessage(namespace, roomId, request, options));
	}

	/**
	 * Blocking {@link ReactiveRooms#sendMessage(String, String, SendMessageRequest)}.
	 */
	public Message sendMessage(String namespace, String roomId, SendMessageRequest request) {
		return sendMessage(namespace, roomId, request, RequestOptions.none());
	}

	/**
	 * Blocking {@link ReactiveRooms#listMessages(String, String)}.
	 */
	public Page<Message> listMessages(String namespace, String roomId) {
		return listMessages(namespace, roomId, MessageListParams.defaults());
	}

	/**
	 * Blocking {@link ReactiveRooms#listMessages(String, String, MessageListParams)}.
	 */
	public Page<Message> listMessages(String namespace, String roomId, MessageListParams params) {
		return Blocking.require(this.reactive.listMessages(namespace, roomId, params));
	}

	/**
	 * Blocking {@link ReactiveRooms#listAllMessages(String, String)}.
	 * @return a lazy stream: a page is fetched when the stream reaches it
	 */
	public Stream<Message> listAllMessages(String namespace, String roomId) {
		return listAllMessages(namespace, roomId, MessageListParams.defaults());
	}

	/**
	 * Blocking {@link ReactiveRooms#listAllMessages(String, String, MessageListParams)}.
	 * @return a lazy stream: a page is fetched when the stream reaches it
	 */
	public Stream<Message> listAllMessages(String namespace, String roomId, MessageListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.stream(params, (p) -> listMessages(namespace, roomId, p), ReactiveRooms::nextMessages);
	}

	/**
	 * Blocking {@link ReactiveRooms#submitToolResult(String, String, SubmitToolResultRequest, RequestOptions)}.
	 */
	public Message submitToolResult(String namespace, String roomId, SubmitToolResultRequest request,
			RequestOptions options) {
		return Blocking.require(this.reactive.submitToolResult(namespace, roomId, request, options));
	}

	/**
	 * Blocking {@link ReactiveRooms#submitToolResult(String, String, SubmitToolResultRequest)}.
	 */
	public Message submitToolResult(String namespace, String roomId, SubmitToolResultRequest request) {
		return submitToolResult(namespace, roomId, request, RequestOptions.none());
	}

	/**
	 * Blocking {@link ReactiveRooms#stream(String, String)}.
	 * @return the open stream; close it to disconnect
	 */
	public EventStream stream(String namespace, String roomId) {
		return stream(namespace, roomId, StreamSettings.defaults());
	}

	/**
	 * Blocking {@link ReactiveRooms#stream(String, String, StreamSettings)}.
	 * @return the open stream; close it to disconnect
	 */
	public EventStream stream(String namespace, String roomId, StreamSettings settings) {
		return new EventStream(this.reactive.stream(namespace, roomId, settings));
	}

	/**
	 * Blocking {@link ReactiveRooms#stream(String, String, StreamSettings, String)}.
	 * @return the open stream; close it to disconnect
	 */
	public EventStream stream(String namespace, String roomId, StreamSettings settings,
			@Nullable String lastEventId) {
		return new EventStream(this.reactive.stream(namespace, roomId, settings, lastEventId));
	}

}
