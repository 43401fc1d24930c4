package io.interactor.spring.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A forward proxy on 127.0.0.1 that answers {@code CONNECT host:port} by tunnelling to the target, as a corporate
 * HTTP proxy does. It records each request line and the {@code Proxy-Authorization} header it was sent.
 */
public final class ConnectProxy implements AutoCloseable {

	private final ServerSocket server;

	private final List<String> requestLines = new CopyOnWriteArrayList<>();

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	public ConnectProxy() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "connect-proxy-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int getPort() {
		return this.server.getLocalPort();
	}

	/**
	 * The request lines received, e.g. {@code CONNECT localhost:4711 HTTP/1.1}.
	 * @return the request lines in arrival order
	 */
	public List<String> requestLines() {
		return List.copyOf(this.requestLines);
	}

	/**
	 * The {@code Proxy-Authorization} header values received.
	 * @return the values in arrival order
	 */
	public List<String> authorizations() {
		return List.copyOf(this.authorizations);
	}

	@Override
	public void close() {
		closeQuietly(this.server);
		this.sockets.forEach(ConnectProxy::closeQuietly);
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				this.sockets.add(client);
				Thread handler = new Thread(() -> handle(client), "connect-proxy-handler");
				handler.setDaemon(true);
				handler.start();
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void handle(Socket client) {
		try {
			InputStream in = client.getInputStream();
			String requestLine = readLine(in);
			this.requestLines.add(requestLine);
			for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
				if (header.toLowerCase(Locale.ROOT).startsWith("proxy-authorization:")) {
					this.authorizations.add(header.substring("proxy-authorization:".length()).trim());
				}
			}
			OutputStream out = client.getOutputStream();
			String[] parts = requestLine.split(" ");
			if (parts.length < 2 || !"CONNECT".equals(parts[0])) {
				out.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				client.close();
				return;
			}
			int colon = parts[1].lastIndexOf(':');
			Socket upstream = new Socket(parts[1].substring(0, colon), Integer.parseInt(parts[1].substring(colon + 1)));
			this.sockets.add(upstream);
			out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			pump(client, upstream);
			pump(upstream, client);
		}
		catch (IOException ex) {
			closeQuietly(client);
		}
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b == -1) {
				throw new IOException("Connection closed before the request head ended");
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

	private static void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[8192];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// connection closed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "connect-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// ignore
		}
	}

}
