package io.interactor.spring.relay;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * A room stream as the platform serves it: some events, then a heartbeat event every few milliseconds for as long as
 * the client stays connected. Records when the client closed the connection (a write failed).
 */
final class UpstreamStream implements MockResponseBody {

	/** Counted down when a write failed because the client closed the connection. */
	final CountDownLatch clientClosed = new CountDownLatch(1);

	private final String events;

	private final CountDownLatch stopped = new CountDownLatch(1);

	UpstreamStream(String events) {
		this.events = events;
	}

	/** The response streaming this body. */
	MockResponse response() {
		return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
			.body(this)
			.removeHeader("Content-Length")
			.setHeader("Connection", "close")
			.build();
	}

	/** Ends the body (and lets the server thread go) if the client is still connected. */
	void stop() {
		this.stopped.countDown();
	}

	@Override
	public long getContentLength() {
		return -1;
	}

	@Override
	public void writeTo(BufferedSink sink) throws IOException {
		try {
			sink.writeUtf8(this.events);
			sink.flush();
			// Paced by a timed wait on stop(); a write fails once the client has closed the connection.
			while (!this.stopped.await(20, TimeUnit.MILLISECONDS)) {
				sink.writeUtf8("event: heartbeat\ndata: {\"type\":\"heartbeat\"}\n\n");
				sink.flush();
			}
		}
		catch (IOException ex) {
			this.clientClosed.countDown();
			throw ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
