package io.interactor.spring.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged {@code -standalone} jar, started with {@code java -jar} as a process of its own: it prints its URLs
 * and credentials, issues a token for them and serves the Core API with it. Runs in {@code verify}, after
 * {@code package}.
 */
class MockInteractorServerStandaloneIT {

	private static final Duration STARTUP = Duration.ofSeconds(60);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void packagedJarAnswersATokenRequestAndAnApiCall() throws Exception {
		Process process = start("--port=0", "--client-id=it-client", "--client-secret=it-secret",
				"--token-expires-in=120");
		List<String> output = collect(process);
		try {
			await().atMost(STARTUP).until(() -> snapshot(output).contains("Stop it with"));
			String printed = snapshot(output);
			assertThat(printedValue(printed, "Client id")).isEqualTo("it-client");
			assertThat(printedValue(printed, "Client secret")).isEqualTo("it-secret");
			String accountServer = printedValue(printed, "Account Server base URL");
			String coreApi = printedValue(printed, "Core API base URL");
			assertThat(accountServer).startsWith("http://127.0.0.1:");

			HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create(accountServer + "/oauth/token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\","
						+ "\"client_id\":\"it-client\",\"client_secret\":\"it-secret\"}")));
			assertThat(token.statusCode()).isEqualTo(200);
			JsonNode tokenData = this.json.readTree(token.body()).path("data");
			assertThat(tokenData.path("expires_in").asLong()).isEqualTo(120);
			String accessToken = tokenData.path("access_token").asString();

			HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(coreApi + "/assistants"))
				.header("Authorization", "Bearer " + accessToken)
				.header("X-Namespace", "user_it")
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"name\":\"support\",\"model\":\"gpt-4o\",\"system_prompt\":\"Be brief.\"}")));
			assertThat(created.statusCode()).isEqualTo(201);
			HttpResponse<String> listed = send(HttpRequest.newBuilder(URI.create(coreApi + "/assistants"))
				.header("Authorization", "Bearer " + accessToken)
				.header("X-Namespace", "user_it")
				.GET());
			assertThat(listed.statusCode()).isEqualTo(200);
			assertThat(this.json.readTree(listed.body()).path("data").get(0).path("name").asString())
				.isEqualTo("support");
		}
		finally {
			stop(process);
		}
	}

	@Test
	void helpListsTheOptionsAndExits() throws Exception {
		Process process = start("--help");
		List<String> output = collect(process);
		try {
			assertThat(process.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).isZero();
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(snapshot(output)).contains("--port=", "--client-id=",
						"--client-secret=", "--token-expires-in=", "--webhook-url=", "--webhook-secret="));
		}
		finally {
			stop(process);
		}
	}

	private Process start(String... options) throws IOException {
		Path jar = Path.of(System.getProperty("interactor.mock.standalone-jar", "target/missing-standalone.jar"));
		assertThat(jar).as("the standalone jar is packaged before the integration tests").exists();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-jar", jar.toString()));
		command.addAll(List.of(options));
		return new ProcessBuilder(command).redirectErrorStream(true).start();
	}

	/** Read the process's output on a daemon thread, so that a full pipe never blocks it. */
	private static List<String> collect(Process process) {
		List<String> lines = new ArrayList<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					synchronized (lines) {
						lines.add(line);
					}
				}
			}
			catch (IOException ex) {
				// the process ended
			}
		}, "standalone-mock-output");
		reader.setDaemon(true);
		reader.start();
		return lines;
	}

	private static String snapshot(List<String> lines) {
		synchronized (lines) {
			return String.join("\n", lines);
		}
	}

	/** Stop the process like Ctrl+C would, and kill it if it does not end in time. */
	private static void stop(Process process) throws InterruptedException {
		process.destroy();
		if (!process.waitFor(15, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		assertThat(process.isAlive()).isFalse();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String printedValue(String output, String label) {
		Matcher matcher = Pattern.compile("(?m)^\\s*" + Pattern.quote(label) + ":\\s*(\\S+)\\s*$").matcher(output);
		assertThat(matcher.find()).as("printed '%s' in%n%s", label, output).isTrue();
		return matcher.group(1);
	}

}
