package io.interactor.spring.webhook.web;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.interactor.spring.autoconfigure.InteractorWebhookAutoConfiguration;
import io.interactor.spring.test.Deliveries;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.RoomMessageData;
import io.interactor.spring.webhook.WebhookSigner;
import io.interactor.spring.webhook.WorkflowInstanceData;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DESIGN.md status table through the reactive endpoint, bound with {@link WebTestClient}.
 */
class ReactiveWebhookEndpointTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InteractorWebhookAutoConfiguration.class))
		.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET, "interactor.webhook.max-payload-size=4KB")
		.withUserConfiguration(ReactiveHandlers.class);

	@SuppressWarnings("unchecked")
	private static WebTestClient client(org.springframework.context.ApplicationContext context) {
		RouterFunction<ServerResponse> route = (RouterFunction<ServerResponse>) context
			.getBean("interactorWebhookRouterFunction");
		return WebTestClient.bindToRouterFunction(route).build();
	}

	private static WebTestClient.ResponseSpec deliver(WebTestClient client, String body, HttpHeaders headers) {
		return client.post()
			.uri("/webhooks/interactor")
			.headers((h) -> h.addAll(headers))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	@Test
	void statusTable() {
		this.runner.run((context) -> {
			WebTestClient client = client(context);
			ReactiveHandlers handlers = context.getBean(ReactiveHandlers.class);
			String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED);
			deliver(client, body, Deliveries.sign(body)).expectStatus()
				.isOk()
				.expectBody(String.class)
				.isEqualTo("{\"received\":true}");
			deliver(client, body, Deliveries.sign(body)).expectStatus()
				.isOk()
				.expectBody(String.class)
				.isEqualTo("{\"received\":true,\"duplicate\":true}");
			assertThat(handlers.messages).hasValue(1);
			String unknown = Deliveries.body("agent.brand_new");
			deliver(client, unknown, Deliveries.sign(unknown)).expectStatus()
				.isOk()
				.expectBody(String.class)
				.isEqualTo("{\"received\":true,\"handled\":false}");
			String other = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED);
			deliver(client, other, new WebhookSigner("whsec_wrong").headers(null, other)).expectStatus()
				.isUnauthorized()
				.expectBody(String.class)
				.isEqualTo("{\"error\":\"invalid_signature\"}");
			String stale = Long.toString(java.time.Instant.now().minusSeconds(3600).getEpochSecond());
			deliver(client, other, new WebhookSigner(Deliveries.SECRET).headers(null, Deliveries.bytes(other), stale))
				.expectStatus()
				.isUnauthorized()
				.expectBody(String.class)
				.isEqualTo("{\"error\":\"invalid_timestamp\"}");
			deliver(client, "{oops", Deliveries.sign("{oops")).expectStatus()
				.isBadRequest()
				.expectBody(String.class)
				.isEqualTo("{\"error\":\"invalid_json\"}");
			String failing = Deliveries.body(InteractorEvents.WORKFLOW_INSTANCE_FAILED, "evt_f",
					"{\"instance_id\":\"wi_1\"}");
			deliver(client, failing, Deliveries.sign(failing)).expectStatus()
				.isEqualTo(500)
				.expectBody(String.class)
				.isEqualTo("{\"error\":\"handler_failed\"}");
			assertThat(handlers.messages).hasValue(1);
		});
	}

	@Test
	void handlersRunOffTheEventLoop() {
		this.runner.run((context) -> {
			String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED);
			deliver(client(context), body, Deliveries.sign(body)).expectStatus().isOk();
			assertThat(context.getBean(ReactiveHandlers.class).thread.get()).startsWith("boundedElastic");
		});
	}

	@Test
	void declaredOversizedBodyIs413() {
		this.runner.run((context) -> {
			String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED, "evt_big",
					"{\"content\":\"" + "x".repeat(10_000) + "\"}");
			deliver(client(context), body, Deliveries.sign(body)).expectStatus()
				.isEqualTo(413)
				.expectBody(String.class)
				.isEqualTo("{\"error\":\"payload_too_large\"}");
			assertThat(context.getBean(ReactiveHandlers.class).messages).hasValue(0);
		});
	}

	@Test
	void endlessStreamedBodyIs413AndIsNotReadToTheEnd() {
		this.runner.run((context) -> {
			AtomicLong emitted = new AtomicLong();
			DefaultDataBufferFactory factory = DefaultDataBufferFactory.sharedInstance;
			Flux<DataBuffer> endless = Flux.<DataBuffer>generate((sink) -> {
				emitted.incrementAndGet();
				sink.next(factory.wrap(new byte[1024]));
			});
			client(context).post()
				.uri("/webhooks/interactor")
				.contentType(MediaType.APPLICATION_JSON)
				.body(endless, DataBuffer.class)
				.exchange()
				.expectStatus()
				.isEqualTo(413);
			// 4 KB cap: a handful of 1 KB buffers plus prefetch, never the whole (endless) stream
			assertThat(emitted.get()).isLessThan(1000);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class ReactiveHandlers {

		final AtomicInteger messages = new AtomicInteger();

		final AtomicReference<String> thread = new AtomicReference<>();

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		Mono<Void> onMessage(RoomMessageData data) {
			this.messages.incrementAndGet();
			this.thread.set(Thread.currentThread().getName());
			return Mono.empty();
		}

		@InteractorWebhook(InteractorEvents.WORKFLOW_INSTANCE_FAILED)
		void onFailure(WorkflowInstanceData data) {
			throw new IllegalStateException("boom");
		}

	}

}
