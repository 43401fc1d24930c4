package io.interactor.spring.webhook.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.interactor.spring.test.Deliveries;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.WebhookSigner;
import io.interactor.spring.webhook.dispatch.WebhookOutcomeCounts;
import io.interactor.spring.webhook.web.WebhookTestApplication.SwitchableStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Over real HTTP, every delivery is counted exactly once, whatever its outcome, in
 * {@code interactor.webhook.received} and in the actuator's outcome counts: 200 (processed, duplicate, ignored), 401
 * (signature, header timestamp, body-only signature over a stale envelope), 400 (not JSON, no type, unusable data),
 * 413 (declared and chunked), 503 (in progress, store down) and 500 (handler failed, pipeline failed).
 */
abstract class AbstractWebhookOutcomeCountServerTests {

	private static final String PATH = "/webhooks/interactor";

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry meterRegistry;

	@Autowired
	private WebhookOutcomeCounts outcomeCounts;

	@Autowired
	private SwitchableStore store;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<Integer> statuses = new ArrayList<>();

	private int sent;

	private void deliver(String body, HttpHeaders headers) throws Exception {
		deliver(HttpRequest.BodyPublishers.ofByteArray(Deliveries.bytes(body)), headers);
	}

	private void deliver(HttpRequest.BodyPublisher body, HttpHeaders headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + PATH))
			.timeout(Duration.ofSeconds(10))
			.POST(body);
		headers.forEach((name, values) -> values.forEach((value) -> request.header(name, value)));
		this.sent++;
		try {
			this.statuses.add(this.client.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
		}
		catch (IOException ex) {
			// A server may close the connection of a body it refused to read while the client still sends.
			this.statuses.add(-1);
		}
	}

	private static String message(String id) {
		return Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED, id, "{\"content\":\"hello\"}");
	}

	@Test
	void everyDeliveryIsCountedOnceWhateverItsOutcome() throws Exception {
		String processed = message("evt_processed");
		deliver(processed, Deliveries.sign(processed));
		deliver(processed, Deliveries.sign(processed));
		String unknownType = Deliveries.body("agent.custom", "evt_ignored", "{}");
		deliver(unknownType, Deliveries.sign(unknownType));
		String forged = message("evt_forged");
		deliver(forged, new WebhookSigner("whsec_forged").headers(null, forged));
		String stale = message("evt_stale");
		deliver(stale, new WebhookSigner(Deliveries.SECRET).headers(null, Deliveries.bytes(stale),
				Long.toString(Instant.now().getEpochSecond() - 600)));
		String replay = message("evt_replayed");
		deliver(replay, Deliveries.signBodyOnly(replay, Clock.systemUTC()));
		String notJson = "{\"id\":\"evt_not_json\",";
		deliver(notJson, Deliveries.sign(notJson));
		String noType = "{\"id\":\"evt_no_type\",\"data\":{}}";
		deliver(noType, Deliveries.sign(noType));
		String badData = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED, "evt_bad_data", "\"text\"");
		deliver(badData, Deliveries.sign(badData));
		String large = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED, "evt_large",
				"{\"content\":\"" + "x".repeat(10_000) + "\"}");
		deliver(large, Deliveries.sign(large));
		// without Content-Length: the cap is found while reading
		byte[] largeBytes = Deliveries.bytes(large);
		deliver(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(largeBytes)),
				Deliveries.sign(large));
		String inProgress = message("evt_in_progress");
		this.store.claim("idem_evt_in_progress", "another-instance");
		deliver(inProgress, Deliveries.sign(inProgress));
		String storeDown = message("evt_store_down");
		this.store.down = true;
		try {
			deliver(storeDown, Deliveries.sign(storeDown));
		}
		finally {
			this.store.down = false;
		}
		String failing = Deliveries.body(InteractorEvents.WORKFLOW_INSTANCE_FAILED, "evt_failing",
				"{\"instance_id\":\"wi_1\"}");
		deliver(failing, Deliveries.sign(failing));
		String broken = message("evt_broken");
		HttpHeaders breaking = Deliveries.sign(broken);
		breaking.set(WebhookOutcomeCountApplication.BREAK_VERIFIER, "true");
		deliver(broken, breaking);

		assertThat(this.statuses).containsExactly(200, 200, 200, 401, 401, 401, 400, 400, 400, 413, 413, 503, 503,
				500, 500);
		Map<String, Long> expectedOutcomes = new LinkedHashMap<>(Map.ofEntries(Map.entry("processed", 1L),
				Map.entry("unhandled", 1L), Map.entry("duplicate", 1L), Map.entry("duplicate_in_progress", 1L),
				Map.entry("invalid_signature", 1L), Map.entry("invalid_timestamp", 2L), Map.entry("invalid_json", 1L),
				Map.entry("invalid_envelope", 1L), Map.entry("invalid_payload", 1L),
				Map.entry("payload_too_large", 2L), Map.entry("handler_failed", 1L),
				Map.entry("store_unavailable", 1L), Map.entry("internal_error", 1L)));
		// Recorded before the answer is written; waiting only covers a connection the server closed early.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.outcomeCounts.snapshot()).isEqualTo(expectedOutcomes));
		assertThat(received()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("processed", 1.0),
				Map.entry("duplicate", 1.0), Map.entry("ignored", 1.0), Map.entry("invalid_signature", 1.0),
				Map.entry("invalid_timestamp", 2.0), Map.entry("invalid_payload", 3.0), Map.entry("too_large", 2.0),
				Map.entry("in_progress", 1.0), Map.entry("store_unavailable", 1.0), Map.entry("failed", 1.0),
				Map.entry("error", 1.0)));
		assertThat(received().values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(this.sent);
	}

	/** {@code interactor.webhook.received} by status, summed over event types. */
	private Map<String, Double> received() {
		Map<String, Double> byStatus = new LinkedHashMap<>();
		for (Counter counter : this.meterRegistry.find("interactor.webhook.received").counters()) {
			byStatus.merge(counter.getId().getTag("status"), counter.count(), Double::sum);
		}
		return byStatus;
	}

}
