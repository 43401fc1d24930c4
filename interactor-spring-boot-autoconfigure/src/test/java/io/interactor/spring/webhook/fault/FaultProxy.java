package io.interactor.spring.webhook.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 in front of a Redis server that injects network faults: latency on every chunk in both
 * directions, answers that are lost (the server executes the command, the client never hears back), connections reset
 * mid-command, and going away altogether (as a dead host would).
 */
final class FaultProxy implements AutoCloseable {

	private final int targetPort;

	private final ServerSocket server;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile long latencyMillis;

	private volatile boolean loseAnswers;

	private volatile boolean refuse;

	FaultProxy(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.server = new ServerSocket();
		this.server.setReuseAddress(true);
		this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		Thread acceptor = new Thread(this::accept, "fault-proxy-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** Delay every chunk forwarded, in both directions, by this much. */
	void latency(Duration latency) {
		this.latencyMillis = latency.toMillis();
	}

	/** Drop what the server answers while set: commands still reach and change the server. */
	void loseAnswers(boolean loseAnswers) {
		this.loseAnswers = loseAnswers;
	}

	/** Reset every open connection (RST, not an orderly close), as a broken network path would. */
	void resetConnections() {
		for (Socket socket : this.sockets) {
			try {
				socket.setSoLinger(true, 0);
			}
			catch (IOException ex) {
				// closed already
			}
			closeQuietly(socket);
		}
		this.sockets.clear();
	}

	/** Close every open connection in order (FIN), as a server shutting down would. */
	void closeConnections() {
		this.sockets.forEach(FaultProxy::closeQuietly);
		this.sockets.clear();
	}

	/** Reset every connection and refuse new ones while set: the host is gone. */
	void refuse(boolean refuse) {
		this.refuse = refuse;
		if (refuse) {
			resetConnections();
		}
	}

	@Override
	public void close() {
		closeQuietly(this.server);
		resetConnections();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				if (this.refuse) {
					client.setSoLinger(true, 0);
					client.close();
					continue;
				}
				Socket upstream = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				client.setTcpNoDelay(true);
				upstream.setTcpNoDelay(true);
				this.sockets.add(client);
				this.sockets.add(upstream);
				pump(client, upstream, false);
				pump(upstream, client, true);
			}
			catch (IOException ex) {
				// the proxy closed, or the server is down: the client sees its connection fail
			}
		}
	}

	private void pump(Socket from, Socket to, boolean answers) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16384];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) != -1) {
					long latency = this.latencyMillis;
					if (latency > 0) {
						Thread.sleep(latency);
					}
					if (answers && this.loseAnswers) {
						continue;
					}
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// connection closed or reset
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "fault-proxy-pump");
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
