package io.interactor.spring.webhook.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.interactor.spring.test.ClockedWebhookComponents;
import io.interactor.spring.test.Deliveries;
import io.interactor.spring.test.MutableClock;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.RoomMessageData;
import io.interactor.spring.webhook.WebhookSigner;
import io.interactor.spring.webhook.dispatch.WebhookDispatcher;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay of issue 9 item 5 over a real Tomcat: a delivery signed over its body alone is captured, and sent again
 * with a fresh {@code X-Interactor-Timestamp} after the idempotency store forgot its key. The verifier, the store and
 * the dispatcher run on one clock the test moves instead of waiting seven days.
 */
@SpringBootTest(classes = ServletBodySignatureReplayServerTests.ReplayApp.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "interactor.webhook.secret=" + Deliveries.SECRET })
class ServletBodySignatureReplayServerTests {

	private static final Instant START = Instant.now();

	@LocalServerPort
	private int port;

	@Autowired
	private MutableClock clock;

	@Autowired
	private WebhookDispatcher dispatcher;

	@Autowired
	private Handler handler;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private HttpResponse<String> deliver(String body, HttpHeaders headers) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/webhooks/interactor"))
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofByteArray(Deliveries.bytes(body)));
		headers.forEach((name, values) -> values.forEach((value) -> request.header(name, value)));
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void capturedBodySignedDeliveryReplayedAfterTheStoreForgotItIs401() throws Exception {
		this.dispatcher.setClock(this.clock);
		String captured = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED, "evt_captured",
				"{\"content\":\"hello\"}", Deliveries.iso(START));
		HttpResponse<String> original = deliver(captured, Deliveries.signBodyOnly(captured, this.clock));
		assertThat(original.statusCode()).isEqualTo(200);
		assertThat(original.body()).isEqualTo("{\"received\":true}");

		this.clock.advance(Duration.ofDays(2));
		HttpResponse<String> early = deliver(captured, Deliveries.signBodyOnly(captured, this.clock));
		assertThat(early.body()).isEqualTo("{\"received\":true,\"duplicate\":true}");

		this.clock.advance(Duration.ofDays(6));
		HttpHeaders freshHeader = Deliveries.signBodyOnly(captured, this.clock);
		assertThat(freshHeader.getFirst("X-Interactor-Timestamp"))
			.isEqualTo(Long.toString(this.clock.instant().getEpochSecond()));
		HttpResponse<String> replay = deliver(captured, freshHeader);
		assertThat(replay.statusCode()).isEqualTo(401);
		assertThat(replay.body()).isEqualTo("{\"error\":\"invalid_timestamp\"}");
		assertThat(this.handler.calls).hasValue(1);

		// Proof that the store had forgotten it: signed over timestamp and body, the same event is new to it.
		HttpHeaders timestamped = new WebhookSigner(Deliveries.SECRET, this.clock).headers(null, captured);
		assertThat(deliver(captured, timestamped).body()).isEqualTo("{\"received\":true}");
		assertThat(this.handler.calls).hasValue(2);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ClockedWebhookComponents.class)
	static class ReplayApp {

		@Bean
		MutableClock testClock() {
			return new MutableClock(START);
		}

		@Bean
		Handler handler() {
			return new Handler();
		}

	}

	static class Handler {

		final AtomicInteger calls = new AtomicInteger();

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		void handle(RoomMessageData data) {
			this.calls.incrementAndGet();
		}

	}

}
