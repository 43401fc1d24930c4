package io.interactor.spring.client.stream;

/**
 * One event dispatched by an {@link EventStreamParser}, as a browser's {@code EventSource} would fire it.
 *
 * @param type the {@code event:} name, {@code message} when the event had none
 * @param data the {@code data:} lines joined with line feeds; may be empty (a {@code data} line without a value)
 * @param lastEventId the last event id at dispatch: set by this event's {@code id:} or kept from an earlier event;
 * empty when none was ever set or the server reset it
 */
record MessageEvent(String type, String data, String lastEventId) {

}
