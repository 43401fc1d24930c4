package io.interactor.spring.actuate.metrics;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.interactor.spring.autoconfigure.InteractorMetricsAutoConfiguration;
import io.interactor.spring.autoconfigure.InteractorWebhookAutoConfiguration;
import io.interactor.spring.test.Deliveries;
import io.interactor.spring.test.UnavailableIdempotencyStore;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.RoomMessageData;
import io.interactor.spring.webhook.WebhookSigner;
import io.interactor.spring.webhook.WorkflowInstanceData;
import io.interactor.spring.webhook.dispatch.WebhookDispatcher;
import io.interactor.spring.webhook.dispatch.WebhookOutcome.Result;
import io.interactor.spring.webhook.dispatch.WebhookOutcome;
import io.interactor.spring.webhook.idempotency.WebhookIdempotencyStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook metrics after real deliveries through the auto-configured dispatcher: every status is produced and
 * counted, with bounded event tags.
 */
class WebhookMetricsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InteractorWebhookAutoConfiguration.class,
				InteractorMetricsAutoConfiguration.class))
		.withUserConfiguration(MeterRegistryConfiguration.class, Handlers.class)
		.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET,
				"interactor.webhook.max-payload-size=2KB");

	@Test
	void everyOutcomeIsCountedWithItsStatusAndEvent() {
		this.runner.run((context) -> {
			String processed = Deliveries.body("room.message.created", "evt_a1", message());
			assertThat(deliver(context, processed).result()).isEqualTo(Result.PROCESSED);
			assertThat(deliver(context, processed).result()).isEqualTo(Result.DUPLICATE);
			assertThat(deliver(context, Deliveries.body("workflow.instance.halted", "evt_a2", "{}")).result())
				.isEqualTo(Result.UNHANDLED);
			assertThat(deliver(context, Deliveries.body("agent.custom_evt_a3", "evt_a3", "{}")).result())
				.isEqualTo(Result.UNHANDLED);
			String body = Deliveries.body("room.message.created", "evt_a4", message());
			HttpHeaders forged = new WebhookSigner("whsec_forged").headers(null, Deliveries.bytes(body));
			assertThat(dispatcher(context).dispatch(forged, Deliveries.bytes(body)).result())
				.isEqualTo(Result.INVALID_SIGNATURE);
			HttpHeaders stale = new WebhookSigner(Deliveries.SECRET).headers(null, Deliveries.bytes(body),
					Long.toString(Instant.now().getEpochSecond() - 600));
			assertThat(dispatcher(context).dispatch(stale, Deliveries.bytes(body)).result())
				.isEqualTo(Result.INVALID_TIMESTAMP);
			assertThat(deliver(context, "{\"id\": \"evt_a5\", ").result()).isEqualTo(Result.INVALID_JSON);
			assertThat(deliver(context, "{\"id\":\"evt_a6\",\"data\":{}}").result()).isEqualTo(Result.INVALID_ENVELOPE);
			assertThat(deliver(context, Deliveries.body("room.message.created", "evt_a7", "\"user text\"")).result())
				.isEqualTo(Result.INVALID_PAYLOAD);
			assertThat(deliver(context, Deliveries.body("room.message.created", "evt_a8",
					"{\"content\":\"" + "x".repeat(3000) + "\"}"))
				.result()).isEqualTo(Result.PAYLOAD_TOO_LARGE);
			context.getBean(WebhookIdempotencyStore.class).claim("idem_evt_a9", "claim-1");
			assertThat(deliver(context, Deliveries.body("room.message.created", "evt_a9", message())).result())
				.isEqualTo(Result.DUPLICATE_IN_PROGRESS);
			assertThat(deliver(context, Deliveries.body("workflow.instance.failed", "evt_b1", "{}")).result())
				.isEqualTo(Result.HANDLER_FAILED);

			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(received(registry, "room.message.created", "processed")).isEqualTo(1);
			assertThat(received(registry, "room.message.created", "duplicate")).isEqualTo(1);
			assertThat(received(registry, "workflow.instance.halted", "ignored")).isEqualTo(1);
			// Not in the catalog: a sender can put anything there, so it is not a tag value.
			assertThat(received(registry, "other", "ignored")).isEqualTo(1);
			// Rejected before the event type could be trusted or read.
			assertThat(received(registry, "unknown", "invalid_signature")).isEqualTo(1);
			assertThat(received(registry, "unknown", "invalid_timestamp")).isEqualTo(1);
			assertThat(received(registry, "unknown", "invalid_payload")).isEqualTo(2);
			assertThat(received(registry, "room.message.created", "invalid_payload")).isEqualTo(1);
			assertThat(received(registry, "unknown", "too_large")).isEqualTo(1);
			assertThat(received(registry, "room.message.created", "in_progress")).isEqualTo(1);
			assertThat(received(registry, "workflow.instance.failed", "failed")).isEqualTo(1);
			// Timed only when handlers ran: the processed and the failed delivery.
			assertThat(registry.get("interactor.webhook.processing.duration")
				.tags("event", "room.message.created")
				.timer()
				.count()).isEqualTo(1);
			assertThat(registry.get("interactor.webhook.processing.duration")
				.tags("event", "workflow.instance.failed")
				.timer()
				.count()).isEqualTo(1);
			assertThat(registry.find("interactor.webhook.processing.duration").timers()).hasSize(2);
			ClientMetricsTests.assertNoTagContains(registry, "evt_", "idem_", "user_42", "agent.custom");
			assertThat(registry.getMeters())
				.allSatisfy((meter) -> assertThat(meter.getId().getTag("namespace")).isNull());
		});
	}

	@Test
	void unavailableStoreIsCounted() {
		this.runner.withUserConfiguration(BrokenStoreConfiguration.class).run((context) -> {
			assertThat(deliver(context, Deliveries.body("room.message.created", "evt_c1", message())).result())
				.isEqualTo(Result.STORE_UNAVAILABLE);
			assertThat(received(context.getBean(MeterRegistry.class), "room.message.created", "store_unavailable"))
				.isEqualTo(1);
		});
	}

	@Test
	void namespaceTagIsAddedWhenEnabled() {
		this.runner.withPropertyValues("interactor.metrics.namespace-tag=true").run((context) -> {
			deliver(context, Deliveries.body("room.message.created", "evt_d1", message()));
			HttpHeaders forged = new WebhookSigner("whsec_forged").headers(null, Deliveries.bytes("{}"));
			dispatcher(context).dispatch(forged, Deliveries.bytes("{}"));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("interactor.webhook.received")
				.tags("event", "room.message.created", "status", "processed", "namespace", "user_42")
				.counter()
				.count()).isEqualTo(1);
			assertThat(registry.get("interactor.webhook.processing.duration").tags("namespace", "user_42").timer()
				.count()).isEqualTo(1);
			// Every meter of a name has the same tag keys: no namespace known yet is "none".
			assertThat(registry.get("interactor.webhook.received")
				.tags("status", "invalid_signature", "namespace", "none")
				.counter()
				.count()).isEqualTo(1);
		});
	}

	private static String message() {
		return "{\"message_id\":\"msg_1\",\"room_id\":\"room_1\",\"role\":\"user\",\"content\":\"hello\"}";
	}

	private static double received(MeterRegistry registry, String event, String status) {
		return registry.get("interactor.webhook.received").tags("event", event, "status", status).counter().count();
	}

	private static WebhookDispatcher dispatcher(AssertableApplicationContext context) {
		return context.getBean(WebhookDispatcher.class);
	}

	private static WebhookOutcome deliver(AssertableApplicationContext context, String body) {
		return dispatcher(context).dispatch(Deliveries.sign(body), Deliveries.bytes(body));
	}

	@Configuration(proxyBeanMethods = false)
	static class MeterRegistryConfiguration {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Handlers {

		final AtomicInteger messages = new AtomicInteger();

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		void message(RoomMessageData data) {
			this.messages.incrementAndGet();
		}

		@InteractorWebhook(InteractorEvents.WORKFLOW_INSTANCE_FAILED)
		void failing(WorkflowInstanceData data) {
			throw new IllegalStateException("handler failure in test");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BrokenStoreConfiguration {

		@Bean
		WebhookIdempotencyStore brokenStore() {
			return new UnavailableIdempotencyStore();
		}

	}

}
