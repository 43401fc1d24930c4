package io.interactor.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.interactor.spring.test.MockInteractorServer;
import io.interactor.spring.test.WebhookAttempt;
import io.interactor.spring.webhook.InteractorEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole flow of the chat page against the embedded mock, which starts because no credentials are configured:
 * a message sent through the application's API, its reply streamed through the application's event stream, the
 * mock's {@code room.message.created} deliveries to the application's webhook endpoint, each handled once and
 * counted by the metrics.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleOfflineFlowTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private MockInteractorServer mock;

	@Autowired
	private SampleWebhookHandlers handlers;

	@Autowired
	private MeterRegistry meters;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	@Test
	void messageIsAnsweredOnTheRelayedStreamAndItsDeliveriesAreHandledOnceAndCounted() throws Exception {
		double processedBefore = processedRoomMessages();
		long attemptsBefore = roomMessageAttempts().size();
		JsonNode assistants = json.readTree(SampleHttp.get(this.port, "/api/assistants").body());
		assertThat(assistants).extracting((assistant) -> assistant.get("name").asString()).contains("Echo");
		String roomId = post("/api/rooms", "{\"assistantId\":\"" + assistants.get(0).get("id").asString() + "\"}")
			.get("id")
			.asString();

		// The browser's side: the application's event stream of the room, read line by line until the reply is
		// complete. Nothing is posted before the stream answered, so the reply is seen live.
		HttpRequest events = HttpRequest.newBuilder(uri("/api/rooms/" + roomId + "/events"))
			.header("Accept", "text/event-stream")
			.timeout(TIMEOUT)
			.build();
		HttpResponse<Stream<String>> stream = this.http.send(events, HttpResponse.BodyHandlers.ofLines());
		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/event-stream"));
		CompletableFuture<List<String>> lines = CompletableFuture.supplyAsync(() -> untilComplete(stream.body()));

		JsonNode sent = post("/api/rooms/" + roomId + "/messages", "{\"content\":\"hello offline world\"}");
		assertThat(sent.get("role").asString()).isEqualTo("user");

		List<String> frames = lines.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		List<String> deltas = frames.stream().filter((line) -> line.equals("event:message.delta")).toList();
		assertThat(deltas).as("the reply arrives in pieces").hasSizeGreaterThanOrEqualTo(3);
		assertThat(frames).filteredOn((line) -> line.startsWith("id:")).hasSizeGreaterThanOrEqualTo(deltas.size() + 1);
		StringBuilder text = new StringBuilder();
		JsonNode completed = null;
		String previousEvent = null;
		for (String line : frames) {
			if (line.startsWith("event:")) {
				previousEvent = line.substring("event:".length());
			}
			else if (line.startsWith("data:") && "message.delta".equals(previousEvent)) {
				text.append(json.readTree(line.substring("data:".length())).get("content").asString());
			}
			else if (line.startsWith("data:") && "message.complete".equals(previousEvent)) {
				completed = json.readTree(line.substring("data:".length())).get("message");
			}
		}
		assertThat(text).hasToString("You said: hello offline world");
		assertThat(completed).isNotNull();
		assertThat(completed.get("content").asString()).isEqualTo(text.toString());

		// The mock delivered room.message.created for the user's message and for the reply; the handler saw each once.
		String userSummary = InteractorEvents.ROOM_MESSAGE_CREATED + " " + roomId + " user";
		String replySummary = InteractorEvents.ROOM_MESSAGE_CREATED + " " + roomId + " assistant";
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(this.handlers.received()).contains(replySummary));
		assertThat(this.handlers.received()).containsOnlyOnce(userSummary, replySummary);
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(roomMessageAttempts()).hasSize((int) attemptsBefore + 2));
		assertThat(roomMessageAttempts().subList((int) attemptsBefore, (int) attemptsBefore + 2))
			.allSatisfy((attempt) -> {
				assertThat(attempt.url()).isEqualTo("http://127.0.0.1:" + this.port + "/webhooks/interactor");
				assertThat(attempt.attempt()).isOne();
				assertThat(attempt.status()).isEqualTo(200);
			});
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(processedRoomMessages()).isEqualTo(processedBefore + 2));

		// The same count over HTTP, as an operator sees it.
		HttpResponse<String> metric = SampleHttp.get(this.port, "/actuator/metrics/interactor.webhook.received"
				+ "?tag=event:room.message.created&tag=status:processed");
		assertThat(metric.statusCode()).isEqualTo(200);
		assertThat(json.readTree(metric.body()).get("measurements").get(0).get("value").asDouble())
			.isEqualTo(processedBefore + 2);
	}

	@Test
	void actuatorShowsHealthDetailsMetricsPrometheusAndTheInteractorEndpoint() throws Exception {
		HttpResponse<String> health = SampleHttp.get(this.port, "/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(json.readTree(health.body()).get("components").has("interactor")).as(health.body()).isTrue();
		assertThat(SampleHttp.get(this.port, "/actuator/metrics").body()).contains("interactor.requests");
		HttpResponse<String> prometheus = SampleHttp.get(this.port, "/actuator/prometheus");
		assertThat(prometheus.statusCode()).isEqualTo(200);
		assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
		HttpResponse<String> interactor = SampleHttp.get(this.port, "/actuator/interactor");
		assertThat(interactor.statusCode()).isEqualTo(200);
		assertThat(interactor.body()).contains("\"configured\":true")
			.contains(this.mock.coreApiUrl())
			.doesNotContain(this.mock.clientSecret())
			.doesNotContain("whsec_sample_dev_only");
	}

	@Test
	void theMockReceivesTheApplicationsRequests() throws Exception {
		assertThat(SampleHttp.get(this.port, "/api/assistants").statusCode()).isEqualTo(200);
		assertThat(this.mock.requests("GET", "/assistants")).isNotEmpty()
			.allSatisfy((request) -> assertThat(request.header("X-Namespace")).isEqualTo("sample-user"));
	}

	private List<WebhookAttempt> roomMessageAttempts() {
		return this.mock.webhookDeliveries()
			.stream()
			.filter((attempt) -> attempt.event().equals(InteractorEvents.ROOM_MESSAGE_CREATED))
			.toList();
	}

	private double processedRoomMessages() {
		Counter counter = this.meters.find("interactor.webhook.received")
			.tag("event", InteractorEvents.ROOM_MESSAGE_CREATED)
			.tag("status", "processed")
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static List<String> untilComplete(Stream<String> lines) {
		List<String> seen = new ArrayList<>();
		try (lines) {
			var iterator = lines.iterator();
			boolean complete = false;
			while (iterator.hasNext()) {
				String line = iterator.next();
				seen.add(line);
				if (line.equals("event:message.complete")) {
					complete = true;
				}
				else if (complete && line.startsWith("data:")) {
					return seen;
				}
			}
		}
		return seen;
	}

	private JsonNode post(String path, String body) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.timeout(TIMEOUT)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
		return json.readTree(response.body());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
