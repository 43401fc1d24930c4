package io.interactor.spring.client.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP/1.1 peer on 127.0.0.1 with exact control over the bytes it sends: each accepted connection reads one
 * request and plays the next queued {@link Action} (the default action once the queue is empty). Everything it
 * starts stops on {@link #close()}: the listening socket, every open connection and the connection threads.
 */
public final class RawHttpServer implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final ExecutorService executor = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "raw-http-server");
		thread.setDaemon(true);
		return thread;
	});

	private final Queue<Action> actions = new ConcurrentLinkedQueue<>();

	private final Action defaultAction;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	/**
	 * Start a server.
	 * @param defaultAction what a connection gets once the queued actions are used up
	 * @throws IOException if the port cannot be bound
	 */
	public RawHttpServer(Action defaultAction) throws IOException {
		this.defaultAction = defaultAction;
		this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.executor.execute(this::acceptLoop);
	}

	/**
	 * Queue actions for the next connections, in order.
	 * @param actions the actions
	 */
	public void enqueue(Action... actions) {
		this.actions.addAll(List.of(actions));
	}

	/**
	 * The base URL of this server.
	 * @param path the path to append, starting with {@code /}
	 * @return the URL
	 */
	public String url(String path) {
		return "http://127.0.0.1:" + this.serverSocket.getLocalPort() + path;
	}

	/**
	 * The requests received so far, one per connection.
	 * @return the requests
	 */
	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * How many connections are open, the client having closed neither them nor the server.
	 * @return the number of open connections
	 */
	public int openConnections() {
		return this.sockets.size();
	}

	private void acceptLoop() {
		while (!this.serverSocket.isClosed()) {
			try {
				Socket socket = this.serverSocket.accept();
				this.sockets.add(socket);
				this.executor.execute(() -> serve(socket));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			Request request = readRequest(socket.getInputStream());
			if (request == null) {
				return;
			}
			this.requests.add(request);
			Action action = this.actions.poll();
			((action != null) ? action : this.defaultAction).perform(socket);
		}
		catch (IOException ex) {
			// The client went away: nothing to serve.
		}
		finally {
			this.sockets.remove(socket);
		}
	}

	private static @Nullable Request readRequest(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
		while (matched < end.length) {
			int b = in.read();
			if (b < 0) {
				return null;
			}
			head.write(b);
			matched = (b == end[matched]) ? matched + 1 : ((b == end[0]) ? 1 : 0);
		}
		String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
		}
		String length = headers.get("content-length");
		if (length != null) {
			in.readNBytes(Integer.parseInt(length));
		}
		return new Request(lines[0], headers);
	}

	@Override
	public void close() {
		try {
			this.serverSocket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
		for (Socket socket : this.sockets) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}
		this.executor.shutdownNow();
	}

	/**
	 * A request line and its headers (names in lower case).
	 * @param requestLine e.g. {@code GET /api/v1/assistants/asst_1 HTTP/1.1}
	 * @param headers the headers
	 */
	public record Request(String requestLine, Map<String, String> headers) {

		public @Nullable String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	/** What the server does with a connection once it has read the request. */
	@FunctionalInterface
	public interface Action {

		void perform(Socket socket) throws IOException;

		/**
		 * Write the bytes, then close the connection.
		 * @param response the bytes
		 * @return the action
		 */
		static Action writeAndClose(String response) {
			return (socket) -> {
				OutputStream out = socket.getOutputStream();
				out.write(response.getBytes(StandardCharsets.UTF_8));
				out.flush();
			};
		}

		/**
		 * Write the bytes, then send nothing more until the client closes the connection (or the server stops).
		 * @param response the bytes
		 * @return the action
		 */
		static Action writeAndStall(String response) {
			return (socket) -> {
				OutputStream out = socket.getOutputStream();
				out.write(response.getBytes(StandardCharsets.UTF_8));
				out.flush();
				InputStream in = socket.getInputStream();
				while (in.read() >= 0) {
					// discard until the client closes
				}
			};
		}

		/**
		 * Reset the connection (TCP RST) without sending anything.
		 * @return the action
		 */
		static Action reset() {
			return (socket) -> {
				try {
					socket.setSoLinger(true, 0);
				}
				catch (SocketException ex) {
					// closed by the client already
				}
			};
		}

	}

}
