package io.interactor.spring.webhook.web;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;

import io.interactor.spring.test.Deliveries;
import io.interactor.spring.webhook.InteractorEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servlet endpoint on a real Tomcat, with Spring Security's default chain active.
 */
@SpringBootTest(classes = WebhookTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "interactor.webhook.secret=" + Deliveries.SECRET, "interactor.webhook.max-payload-size=4KB" })
class ServletWebhookEndpointServerTests {

	@LocalServerPort
	private int port;

	@Autowired
	private WebhookTestApplication.Handlers handlers;

	private final HttpClient client = HttpClient.newHttpClient();

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private HttpResponse<String> deliver(String body, HttpHeaders headers) throws Exception {
		HttpRequest.Builder builder = request("/webhooks/interactor")
			.POST(HttpRequest.BodyPublishers.ofByteArray(Deliveries.bytes(body)));
		headers.forEach((name, values) -> values.forEach((value) -> builder.header(name, value)));
		return this.client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void signedDeliveryIsProcessedOnceAndRedeliveryIsADuplicate() throws Exception {
		int before = this.handlers.messages.get();
		String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED);
		HttpResponse<String> first = deliver(body, Deliveries.sign(body));
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).isEqualTo("{\"received\":true}");
		assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		HttpResponse<String> again = deliver(body, Deliveries.sign(body));
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).isEqualTo("{\"received\":true,\"duplicate\":true}");
		assertThat(this.handlers.messages.get()).isEqualTo(before + 1);
		assertThat(this.handlers.thread.get()).startsWith("http-nio");
	}

	@Test
	void forgedDeliveryIs401() throws Exception {
		String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED);
		HttpHeaders headers = Deliveries.sign(body);
		headers.set("X-Interactor-Signature", "sha256=" + "0".repeat(64));
		HttpResponse<String> response = deliver(body, headers);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo("{\"error\":\"invalid_signature\"}");
	}

	@Test
	void declaredOversizedBodyIs413() throws Exception {
		String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED, "evt_big",
				"{\"content\":\"" + "x".repeat(10_000) + "\"}");
		HttpResponse<String> response = deliver(body, Deliveries.sign(body));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).isEqualTo("{\"error\":\"payload_too_large\"}");
	}

	@Test
	void chunkedOversizedBodyIs413WithoutReadingItAll() throws Exception {
		// a 64 MB chunked upload without Content-Length: the endpoint stops after the 4 KB cap
		long total = 64L * 1024 * 1024;
		AtomicLong served = new AtomicLong();
		InputStream huge = new InputStream() {

			@Override
			public int read() {
				return (served.incrementAndGet() <= total) ? 'x' : -1;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				long left = total - served.get();
				if (left <= 0) {
					return -1;
				}
				int count = (int) Math.min(length, left);
				java.util.Arrays.fill(buffer, offset, offset + count, (byte) 'x');
				served.addAndGet(count);
				return count;
			}

		};
		InputStream body = new SequenceInputStream(new ByteArrayInputStream("{\"data\":\"".getBytes()), huge);
		HttpRequest request = request("/webhooks/interactor").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
			.build();
		HttpResponse<String> response;
		try {
			response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			// the server may close the connection while the client is still sending: that is fine as long
			// as it did not read everything
			assertThat(served.get()).isLessThan(total);
			return;
		}
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(served.get()).isLessThan(total);
	}

	@Test
	void answerCarriesItsJsonWithExactContentLength() throws Exception {
		String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED);
		HttpResponse<byte[]> response = this.client.send(signed(body, false).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"received\":true}");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
		assertThat(response.headers().firstValue("Transfer-Encoding")).isEmpty();
	}

	@Test
	void signedBodyOverTheCapNeverReachesAHandlerWithOrWithoutContentLength() throws Exception {
		int before = this.handlers.messages.get();
		for (boolean chunked : new boolean[] { false, true }) {
			// validly signed: only the cap stands between this delivery and the handler
			String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED, "evt_over_" + chunked,
					"{\"content\":\"" + "x".repeat(5000) + "\"}");
			HttpResponse<String> response = this.client.send(signed(body, chunked).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("chunked %s", chunked).isEqualTo(413);
			assertThat(response.body()).isEqualTo("{\"error\":\"payload_too_large\"}");
			assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length());
		}
		assertThat(this.handlers.messages.get()).isEqualTo(before);
	}

	@Test
	void signedBodyJustUnderTheCapWithoutContentLengthIsProcessed() throws Exception {
		int before = this.handlers.messages.get();
		String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED, "evt_chunked_small",
				"{\"content\":\"" + "x".repeat(3500) + "\"}");
		assertThat(Deliveries.bytes(body).length).isBetween(3500, 4096);
		HttpResponse<String> response = this.client.send(signed(body, true).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.handlers.messages.get()).isEqualTo(before + 1);
	}

	/** A signed delivery, sent with {@code Content-Length} or chunked (the length unknown to the server). */
	private HttpRequest.Builder signed(String body, boolean chunked) {
		byte[] bytes = Deliveries.bytes(body);
		HttpRequest.Builder builder = request("/webhooks/interactor").header("Content-Type", "application/json")
			.POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
					: HttpRequest.BodyPublishers.ofByteArray(bytes));
		Deliveries.sign(body).forEach((name, values) -> values.forEach((value) -> builder.header(name, value)));
		return builder;
	}

	@Test
	void otherPostEndpointStillRequiresAuthentication() throws Exception {
		HttpResponse<String> response = this.client.send(
				request("/other").POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isIn(401, 403);
	}

}
