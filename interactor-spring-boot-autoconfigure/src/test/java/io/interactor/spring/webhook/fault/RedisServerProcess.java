package io.interactor.spring.webhook.fault;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * A {@code redis-server} process of a test's own, on a free port of 127.0.0.1 with its files in a temporary
 * directory, that the test can pause, kill and restart. With persistence it writes an append-only file synced on
 * every write ({@code appendonly yes}, {@code appendfsync always}), so a restart after a kill loses nothing; without,
 * a restart starts empty.
 */
final class RedisServerProcess implements AutoCloseable {

	static final String MISSING_MESSAGE = "Redis fault suite skipped: no redis-server on the PATH (CI installs it; "
			+ "apt-get install redis-server)";

	private final boolean persistent;

	private final Path directory;

	private final int port;

	private @Nullable Process process;

	RedisServerProcess(boolean persistent) throws IOException {
		this.persistent = persistent;
		this.directory = Files.createTempDirectory("redis-fault-");
		try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			this.port = probe.getLocalPort();
		}
		start();
	}

	/** Whether {@code redis-server} can be started. */
	static boolean available() {
		try {
			Process version = new ProcessBuilder("redis-server", "--version").redirectErrorStream(true).start();
			version.getInputStream().readAllBytes();
			return version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	int port() {
		return this.port;
	}

	synchronized void start() throws IOException {
		List<String> command = new ArrayList<>(List.of("redis-server", "--bind", "127.0.0.1", "--port",
				Integer.toString(this.port), "--dir", this.directory.toString(), "--save", "", "--daemonize", "no",
				"--loglevel", "warning", "--enable-debug-command", "local"));
		if (this.persistent) {
			command.addAll(List.of("--appendonly", "yes", "--appendfsync", "always"));
		}
		else {
			command.addAll(List.of("--appendonly", "no"));
		}
		Process started = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("redis.log").toFile())
			.start();
		// a test JVM that is stopped mid-test takes its servers with it
		Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "redis-server-stop"));
		this.process = started;
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (true) {
			try {
				if ("+PONG".equals(command("PING"))) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			if (System.nanoTime() > deadline || !started.isAlive()) {
				throw new IOException("redis-server did not start on port " + this.port + ": "
						+ Files.readString(this.directory.resolve("redis.log")));
			}
			sleep(Duration.ofMillis(20));
		}
	}

	/** Kill the process without warning (SIGKILL), as a crash would. */
	synchronized void kill() throws InterruptedException {
		Process running = this.process;
		if (running != null) {
			running.destroyForcibly();
			running.waitFor(10, TimeUnit.SECONDS);
			this.process = null;
		}
	}

	/** Suspend every client's commands for a while ({@code CLIENT PAUSE}); returns at once. */
	void pause(Duration duration) throws IOException {
		String answer = command("CLIENT", "PAUSE", Long.toString(duration.toMillis()), "ALL");
		if (!"+OK".equals(answer)) {
			throw new IOException("CLIENT PAUSE answered " + answer);
		}
	}

	/** Block the server for a while ({@code DEBUG SLEEP}), from another thread; returns at once. */
	void sleepInBackground(Duration duration) {
		Thread sleeper = new Thread(() -> {
			try {
				command("DEBUG", "SLEEP", Double.toString(duration.toMillis() / 1000.0));
			}
			catch (IOException ex) {
				// the test notices when its deliveries fail
			}
		}, "redis-debug-sleep");
		sleeper.setDaemon(true);
		sleeper.start();
	}

	/** Number of keys in the database. */
	long dbSize() throws IOException {
		return Long.parseLong(command("DBSIZE").substring(1));
	}

	/** Keys matching a pattern whose hash field {@code state} starts with {@code processing}. */
	long claimedKeys(String pattern) throws IOException {
		// EVAL keeps it to one round trip without a client library.
		String answer = command("EVAL", """
				local n = 0
				for _, key in ipairs(redis.call('KEYS', ARGV[1])) do
				  local state = redis.call('HGET', key, 'state')
				  if state and string.sub(state, 1, 10) == 'processing' then n = n + 1 end
				end
				return n
				""", "0", pattern);
		return Long.parseLong(answer.substring(1));
	}

	/** Send one command over a fresh connection: the first line of the answer, or the value of a bulk string. */
	String command(String... arguments) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(30_000);
			StringBuilder request = new StringBuilder("*" + arguments.length + "\r\n");
			for (String argument : arguments) {
				request.append('$').append(argument.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
					.append(argument).append("\r\n");
			}
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.UTF_8));
			out.flush();
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			String line = in.readLine();
			if (line == null) {
				throw new IOException("connection closed");
			}
			if (line.startsWith("$")) {
				// a bulk string: its value is on the next line
				return (Integer.parseInt(line.substring(1)) < 0) ? "(nil)" : in.readLine();
			}
			return line;
		}
	}

	@Override
	public void close() throws Exception {
		kill();
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
