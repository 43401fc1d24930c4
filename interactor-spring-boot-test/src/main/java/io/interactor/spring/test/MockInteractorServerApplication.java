package io.interactor.spring.test;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link MockInteractorServer} as a process of its own, for trying an application or {@code curl} against a
 * fake platform outside a test. It listens on {@code 127.0.0.1}, prints the Account Server and Core API base URLs
 * and the client id and secret its token endpoint accepts, and runs until the process is stopped (for example with
 * {@code Ctrl+C}), closing the mock on the way out. Everything is kept in memory and lost when it stops.
 * <p>
 * The port comes from the {@code --port=<port>} argument, else from the {@code INTERACTOR_MOCK_PORT} environment
 * variable, else {@value #DEFAULT_PORT}; {@code 0} picks a free port. Run it with
 * {@code ./mvnw -pl interactor-spring-boot-test -am compile exec:java}.
 *
 * @since 0.1.0
 */
public final class MockInteractorServerApplication {

	/**
	 * The port used when neither {@code --port} nor {@code INTERACTOR_MOCK_PORT} is given.
	 */
	public static final int DEFAULT_PORT = 8089;

	/**
	 * The environment variable that sets the port when no {@code --port} argument is given.
	 */
	public static final String PORT_ENVIRONMENT_VARIABLE = "INTERACTOR_MOCK_PORT";

	private static final String PORT_ARGUMENT = "--port=";

	private MockInteractorServerApplication() {
	}

	/**
	 * Start the mock and block until the process is stopped.
	 * @param args {@code --port=<port>} optionally
	 * @throws InterruptedException if the main thread is interrupted while waiting
	 * @throws IllegalArgumentException if an argument is unknown or the port is not a number from 0 to 65535
	 */
	public static void main(String[] args) throws InterruptedException {
		CountDownLatch stop = new CountDownLatch(1);
		CountDownLatch stopped = new CountDownLatch(1);
		// The JVM exits once every hook returns: wait (briefly) until run(...) has closed the server.
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stop.countDown();
			try {
				stopped.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "interactor-mock-shutdown"));
		try {
			run(args, System.getenv(), System.out, stop);
		}
		finally {
			stopped.countDown();
		}
	}

	/**
	 * Start the mock, print how to reach it, wait for {@code stop} and close the mock.
	 */
	static void run(String[] args, Map<String, String> environment, PrintStream out, CountDownLatch stop)
			throws InterruptedException {
		try (MockInteractorServer server = MockInteractorServer.builder().port(port(args, environment)).start()) {
			out.println("Interactor mock platform listening on " + server.baseUrl());
			out.println("  Account Server base URL: " + server.accountServerUrl());
			out.println("  Core API base URL:       " + server.coreApiUrl());
			out.println("  Client id:               " + server.clientId());
			out.println("  Client secret:           " + server.clientSecret());
			out.println("Stop it with Ctrl+C.");
			out.flush();
			stop.await();
		}
	}

	static int port(String[] args, Map<String, String> environment) {
		@Nullable String port = null;
		for (String arg : args) {
			if (!arg.startsWith(PORT_ARGUMENT)) {
				throw new IllegalArgumentException("Unknown argument '" + arg + "'; the only one is --port=<port>");
			}
			port = arg.substring(PORT_ARGUMENT.length());
		}
		if (port == null) {
			port = environment.get(PORT_ENVIRONMENT_VARIABLE);
		}
		return (port != null && !port.isBlank()) ? parsePort(port.trim()) : DEFAULT_PORT;
	}

	private static int parsePort(String value) {
		int port;
		try {
			port = Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			port = -1;
		}
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("The port must be a number from 0 to 65535, not '" + value + "'");
		}
		return port;
	}

}
