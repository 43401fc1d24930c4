package io.interactor.sample;

import io.interactor.spring.autoconfigure.MissingInteractorCredentialsException;
import io.interactor.spring.relay.RoomStreamRelay;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chat page's view of a room: the room's event stream relayed by the starter's {@link RoomStreamRelay}, so the
 * browser never sees an Interactor token. The namespace is the application's ({@code sample.namespace}); the browser's
 * {@code EventSource} sends {@code Last-Event-ID} when it reconnects and the stream resumes after that event.
 */
@RestController
class RoomEventsController {

	private final ObjectProvider<RoomStreamRelay> relay;

	private final String namespace;

	RoomEventsController(ObjectProvider<RoomStreamRelay> relay,
			@Value("${sample.namespace:" + SampleApplication.DEFAULT_NAMESPACE + "}") String namespace) {
		this.relay = relay;
		this.namespace = namespace;
	}

	@GetMapping(path = "/api/rooms/{roomId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	ResponseEntity<Flux<ServerSentEvent<JsonNode>>> events(@PathVariable String roomId,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
		RoomStreamRelay relay;
		try {
			relay = this.relay.getObject();
		}
		catch (BeansException ex) {
			if (NestedExceptionUtils.getRootCause(ex) instanceof MissingInteractorCredentialsException) {
				// Neither credentials nor the mock: a 503 makes the browser's EventSource give up instead of
				// reconnecting forever; the page learns why from the other API calls.
				return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
			}
			throw ex;
		}
		return ResponseEntity.ok(relay.relay(this.namespace, roomId, lastEventId));
	}

}
