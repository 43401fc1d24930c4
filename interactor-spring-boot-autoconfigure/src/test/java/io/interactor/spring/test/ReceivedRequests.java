package io.interactor.spring.test;

import java.util.ArrayList;
import java.util.List;

import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Every request a {@link MockWebServer} received, as a list a test can read several times.
 */
public final class ReceivedRequests {

	private final MockWebServer server;

	private final List<RecordedRequest> received = new ArrayList<>();

	/**
	 * Collect the requests of a server.
	 * @param server the server; nothing else may take its requests
	 */
	public ReceivedRequests(MockWebServer server) {
		this.server = server;
	}

	/**
	 * The requests received so far.
	 * @return the requests, oldest first
	 */
	public synchronized List<RecordedRequest> all() {
		try {
			this.received.addAll(PeerRequests.drain(this.server));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return List.copyOf(this.received);
	}

}
