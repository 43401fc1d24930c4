package io.interactor.spring.test;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The events of one stream (a room's or a workflow instance's), numbered from 1. Every subscriber sees the whole history followed by live
 * events, so a stream opened after a message was sent still sees its reply, and a reconnecting client can resume
 * after the last event id it saw.
 */
final class RoomEventLog {

	private final AtomicLong sequence = new AtomicLong();

	private final Sinks.Many<Event> sink = Sinks.many().replay().all();

	synchronized void append(String type, String dataJson) {
		this.sink.emitNext(new Event(this.sequence.incrementAndGet(), type, dataJson),
				Sinks.EmitFailureHandler.FAIL_FAST);
	}

	Flux<Event> after(long lastEventId) {
		return this.sink.asFlux().filter((event) -> event.id() > lastEventId);
	}

	record Event(long id, String type, String dataJson) {

		String frame() {
			return "id: " + this.id + "\nevent: " + this.type + "\ndata: " + this.dataJson + "\n\n";
		}

	}

}
