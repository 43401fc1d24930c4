package io.interactor.spring.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link MockInteractorServerApplication}.
 */
class MockInteractorServerApplicationTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void runsUntilStoppedAndIssuesTokensForThePrintedCredentials() throws Exception {
		int port = freePort();
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
		CountDownLatch stop = new CountDownLatch(1);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread main = new Thread(() -> {
			try {
				MockInteractorServerApplication.run(new String[] { "--port=" + port },
						Map.of(MockInteractorServerApplication.PORT_ENVIRONMENT_VARIABLE, "1"), out, stop);
			}
			catch (Throwable ex) {
				failure.set(ex);
			}
		}, "mock-main");
		main.start();
		try {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> printed.toString(StandardCharsets.UTF_8).contains("Stop it with"));
			String output = printed.toString(StandardCharsets.UTF_8);
			String accountServer = printedValue(output, "Account Server base URL");
			assertThat(accountServer).isEqualTo("http://127.0.0.1:" + port + "/account/api/v1");
			assertThat(printedValue(output, "Core API base URL")).isEqualTo("http://127.0.0.1:" + port + "/core/api/v1");
			String form = "grant_type=client_credentials&client_id=" + printedValue(output, "Client id")
					+ "&client_secret=" + printedValue(output, "Client secret");
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(accountServer + "/oauth/token"))
				.timeout(Duration.ofSeconds(5))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"access_token\":\"mock_at_").contains("\"token_type\":\"Bearer\"");
		}
		finally {
			stop.countDown();
			main.join(TimeUnit.SECONDS.toMillis(10));
		}
		assertThat(main.isAlive()).isFalse();
		assertThat(failure.get()).isNull();
		// The port is released: a new connection is refused.
		assertThatThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			}
		}).isInstanceOf(ConnectException.class);
	}

	@Test
	void portComesFromTheArgumentThenTheEnvironmentThenTheDefault() {
		Map<String, String> environment = Map.of(MockInteractorServerApplication.PORT_ENVIRONMENT_VARIABLE, "9100");
		assertThat(MockInteractorServerApplication.port(new String[] { "--port=9200" }, environment)).isEqualTo(9200);
		assertThat(MockInteractorServerApplication.port(new String[0], environment)).isEqualTo(9100);
		assertThat(MockInteractorServerApplication.port(new String[0], Map.of()))
			.isEqualTo(MockInteractorServerApplication.DEFAULT_PORT);
	}

	@Test
	void rejectsUnknownArgumentsAndInvalidPorts() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MockInteractorServerApplication.port(new String[] { "--verbose" }, Map.of()))
			.withMessageContaining("--verbose");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MockInteractorServerApplication.port(new String[] { "--port=http" }, Map.of()))
			.withMessageContaining("'http'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MockInteractorServerApplication.port(new String[0],
					Map.of(MockInteractorServerApplication.PORT_ENVIRONMENT_VARIABLE, "70000")))
			.withMessageContaining("'70000'");
	}

	@Test
	void optionsSetTheCredentialsTheTokenLifetimeAndAWebhook() {
		MockInteractorServerApplication.Options options = MockInteractorServerApplication.Options.parse(
				new String[] { "--client-id=ci", "--client-secret=cs", "--token-expires-in=60",
						"--webhook-url=http://127.0.0.1:8080/webhooks/interactor", "--webhook-secret=whsec_1" },
				Map.of());
		assertThat(options.clientId()).isEqualTo("ci");
		assertThat(options.clientSecret()).isEqualTo("cs");
		assertThat(options.tokenExpiresIn()).isEqualTo(Duration.ofSeconds(60));
		assertThat(options.webhookUrl()).isEqualTo("http://127.0.0.1:8080/webhooks/interactor");
		assertThat(options.webhookSecret()).isEqualTo("whsec_1");
		assertThat(options.help()).isFalse();
		MockInteractorServerApplication.Options defaults = MockInteractorServerApplication.Options
			.parse(new String[] { "--help" }, Map.of());
		assertThat(defaults.help()).isTrue();
		assertThat(defaults.clientId()).isEqualTo("mock-client-id");
		assertThat(defaults.tokenExpiresIn()).isEqualTo(Duration.ofMinutes(15));
		assertThat(defaults.webhookUrl()).isNull();
	}

	@Test
	void rejectsAWebhookWithoutItsSecretAndAnInvalidLifetime() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MockInteractorServerApplication.Options
				.parse(new String[] { "--webhook-url=http://127.0.0.1:8080/hook" }, Map.of()))
			.withMessageContaining("--webhook-secret");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MockInteractorServerApplication.Options
				.parse(new String[] { "--token-expires-in=soon" }, Map.of()))
			.withMessageContaining("'soon'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MockInteractorServerApplication.Options
				.parse(new String[] { "--webhook-url=ftp://x", "--webhook-secret=s" }, Map.of()))
			.withMessageContaining("http(s)");
	}

	private static String printedValue(String output, String label) {
		Matcher matcher = Pattern.compile("(?m)^\\s*" + Pattern.quote(label) + ":\\s*(\\S+)\\s*$").matcher(output);
		assertThat(matcher.find()).as("printed '%s' in%n%s", label, output).isTrue();
		return matcher.group(1);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
