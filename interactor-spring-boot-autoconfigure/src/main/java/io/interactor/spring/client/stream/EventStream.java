package io.interactor.spring.client.stream;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.interactor.spring.client.error.InteractorException;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;

/**
 * A blocking view of an event stream: iterate over the events, and {@link #close()} it (try-with-resources) to
 * close the HTTP connection. {@link #hasNext()} blocks until the next event arrives; it throws the stream's failure,
 * e.g. an {@link io.interactor.spring.client.error.InteractorStreamException} once reconnects are exhausted, and an
 * {@link InteractorException} when the waiting thread is interrupted (the stream is then closed and the thread's
 * interrupt status kept).
 * <pre class="code">
 * try (EventStream events = client.rooms().stream("user_123", roomId)) {
 *     while (events.hasNext()) {
 *         StreamEvent event = events.next();
 *         event.textDelta().ifPresent(System.out::print);
 *         if (event.completedMessage().isPresent()) {
 *             break;
 *         }
 *     }
 * }
 * </pre>
 *
 * @since 0.1.0
 */
public final class EventStream implements Iterator<StreamEvent>, AutoCloseable {

	private final Stream<StreamEvent> stream;

	private final Iterator<StreamEvent> iterator;

	/**
	 * Subscribe to a reactive stream.
	 * @param events the events
	 */
	public EventStream(Flux<StreamEvent> events) {
		// Prefetch 1: events are handed over one by one; closing the stream cancels the subscription.
		this.stream = events.toStream(1);
		this.iterator = this.stream.iterator();
	}

	@Override
	public boolean hasNext() {
		try {
			return this.iterator.hasNext();
		}
		catch (RuntimeException ex) {
			throw interrupted(ex);
		}
	}

	@Override
	public StreamEvent next() {
		try {
			return this.iterator.next();
		}
		catch (RuntimeException ex) {
			throw interrupted(ex);
		}
	}

	/** A wait cut short by {@link Thread#interrupt()} closes the stream; the interrupt status stays set. */
	private RuntimeException interrupted(RuntimeException ex) {
		Throwable cause = Exceptions.unwrap(ex);
		if (!(cause instanceof InterruptedException)) {
			return ex;
		}
		Thread.currentThread().interrupt();
		close();
		return new InteractorException("Interrupted while waiting for an Interactor stream event; the stream was closed",
				cause);
	}

	/**
	 * The remaining events as a {@link Stream}; closing it closes this event stream.
	 * @return the events
	 */
	public Stream<StreamEvent> stream() {
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false)
			.onClose(this::close);
	}

	/**
	 * Close the connection; further events are not received.
	 */
	@Override
	public void close() {
		this.stream.close();
	}

}
