package io.interactor.spring.test;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link MockInteractorServer} as a process of its own, for trying an application, {@code curl} or a non-JVM
 * tool against a fake platform outside a test. It listens on {@code 127.0.0.1}, prints the Account Server and Core
 * API base URLs and the client id and secret its token endpoint accepts, and runs until the process is stopped (for
 * example with {@code Ctrl+C}), closing the mock on the way out. Everything is kept in memory and lost when it
 * stops.
 * <p>
 * Options (all optional; {@code --help} lists them):
 * <ul>
 * <li>{@code --port=<port>}: else the {@code INTERACTOR_MOCK_PORT} environment variable, else {@value #DEFAULT_PORT};
 * {@code 0} picks a free port;</li>
 * <li>{@code --client-id=<id>} and {@code --client-secret=<secret>}: the credentials the token endpoint accepts,
 * {@code mock-client-id} and {@code mock-client-secret} by default;</li>
 * <li>{@code --token-expires-in=<seconds>}: the {@code expires_in} of issued tokens, 900 by default;</li>
 * <li>{@code --webhook-url=<url>} and {@code --webhook-secret=<secret>}: deliver every event, signed with the secret,
 * to the URL (both or neither).</li>
 * </ul>
 * Run it with {@code java -jar interactor-spring-boot-test-<version>-standalone.jar}, or from the sources with
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

	private static final String USAGE = """
			Usage: java -jar interactor-spring-boot-test-<version>-standalone.jar [options]
			Runs a mock of the Interactor platform on 127.0.0.1 until stopped (Ctrl+C).
			  --port=<port>               port to listen on; 0 picks a free one (default: $INTERACTOR_MOCK_PORT, else 8089)
			  --client-id=<id>            client id the token endpoint accepts (default: mock-client-id)
			  --client-secret=<secret>    client secret the token endpoint accepts (default: mock-client-secret)
			  --token-expires-in=<secs>   expires_in of issued tokens, in seconds (default: 900)
			  --webhook-url=<url>         deliver every event to this URL (needs --webhook-secret)
			  --webhook-secret=<secret>   secret that signs the deliveries to --webhook-url
			  --help                      print this and exit
			""";

	private MockInteractorServerApplication() {
	}

	/**
	 * Start the mock and block until the process is stopped; with {@code --help}, print the options and return.
	 * @param args the options described on this class
	 * @throws InterruptedException if the main thread is interrupted while waiting
	 */
	public static void main(String[] args) throws InterruptedException {
		Options options;
		try {
			options = Options.parse(args, System.getenv());
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.print(USAGE);
			System.exit(2);
			return;
		}
		if (options.help()) {
			System.out.print(USAGE);
			return;
		}
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
			run(options, System.out, stop);
		}
		finally {
			stopped.countDown();
		}
	}

	/**
	 * Start the mock with the options in {@code args}, print how to reach it, wait for {@code stop} and close the
	 * mock.
	 */
	static void run(String[] args, Map<String, String> environment, PrintStream out, CountDownLatch stop)
			throws InterruptedException {
		run(Options.parse(args, environment), out, stop);
	}

	private static void run(Options options, PrintStream out, CountDownLatch stop) throws InterruptedException {
		MockInteractorServer.Builder builder = MockInteractorServer.builder()
			.port(options.port())
			.credentials(options.clientId(), options.clientSecret())
			.tokenExpiresIn(options.tokenExpiresIn());
		if (options.webhookUrl() != null && options.webhookSecret() != null) {
			builder.webhook(options.webhookUrl(), options.webhookSecret());
		}
		try (MockInteractorServer server = builder.start()) {
			out.println("Interactor mock platform listening on " + server.baseUrl());
			out.println("  Account Server base URL: " + server.accountServerUrl());
			out.println("  Core API base URL:       " + server.coreApiUrl());
			out.println("  Client id:               " + server.clientId());
			out.println("  Client secret:           " + server.clientSecret());
			if (options.webhookUrl() != null) {
				// The webhook secret is the user's own: say where events go, not how they are signed.
				out.println("  Webhook deliveries to:   " + options.webhookUrl());
			}
			out.println("Stop it with Ctrl+C.");
			out.flush();
			stop.await();
		}
	}

	static int port(String[] args, Map<String, String> environment) {
		return Options.parse(args, environment).port();
	}

	/**
	 * The parsed command line.
	 */
	record Options(int port, String clientId, String clientSecret, Duration tokenExpiresIn,
			@Nullable String webhookUrl, @Nullable String webhookSecret, boolean help) {

		private static final List<String> NAMES = List.of("--port", "--client-id", "--client-secret",
				"--token-expires-in", "--webhook-url", "--webhook-secret");

		static Options parse(String[] args, Map<String, String> environment) {
			@Nullable String port = environment.get(PORT_ENVIRONMENT_VARIABLE);
			String clientId = "mock-client-id";
			String clientSecret = "mock-client-secret";
			Duration tokenExpiresIn = Duration.ofMinutes(15);
			@Nullable String webhookUrl = null;
			@Nullable String webhookSecret = null;
			boolean help = false;
			for (String arg : args) {
				if (arg.equals("--help") || arg.equals("-h")) {
					help = true;
					continue;
				}
				int equals = arg.indexOf('=');
				String name = (equals > 0) ? arg.substring(0, equals) : arg;
				if (equals < 0 || !NAMES.contains(name)) {
					throw new IllegalArgumentException(
							"Unknown argument '" + arg + "'; the options are " + String.join(", ", names()));
				}
				String value = arg.substring(equals + 1).trim();
				switch (name) {
					case "--port" -> port = value;
					case "--client-id" -> clientId = requireText(name, value);
					case "--client-secret" -> clientSecret = requireText(name, value);
					case "--token-expires-in" -> tokenExpiresIn = Duration.ofSeconds(parseSeconds(value));
					case "--webhook-url" -> webhookUrl = requireUrl(value);
					default -> webhookSecret = requireText(name, value);
				}
			}
			if ((webhookUrl == null) != (webhookSecret == null)) {
				throw new IllegalArgumentException("--webhook-url and --webhook-secret go together");
			}
			int parsedPort = (port != null && !port.isBlank()) ? parsePort(port.trim()) : DEFAULT_PORT;
			return new Options(parsedPort, clientId, clientSecret, tokenExpiresIn, webhookUrl, webhookSecret, help);
		}

		private static List<String> names() {
			List<String> names = new ArrayList<>(NAMES.stream().map((name) -> name + "=<value>").toList());
			names.add("--help");
			return names;
		}

		private static String requireText(String name, String value) {
			if (value.isEmpty()) {
				throw new IllegalArgumentException(name + " must not be empty");
			}
			return value;
		}

		private static String requireUrl(String value) {
			if (!value.startsWith("http://") && !value.startsWith("https://")) {
				throw new IllegalArgumentException("--webhook-url must be an http(s) URL, not '" + value + "'");
			}
			return value;
		}

		private static long parseSeconds(String value) {
			try {
				long seconds = Long.parseLong(value);
				if (seconds > 0) {
					return seconds;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			throw new IllegalArgumentException(
					"--token-expires-in must be a positive number of seconds, not '" + value + "'");
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

}
