package io.interactor.spring.webhook.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.interactor.spring.autoconfigure.InteractorWebhookAutoConfiguration;
import io.interactor.spring.test.Deliveries;
import io.interactor.spring.test.ClockedWebhookComponents;
import io.interactor.spring.test.MutableClock;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.WebhookEvent;
import io.interactor.spring.webhook.WebhookSigner;
import io.interactor.spring.webhook.dispatch.WebhookOutcome.Result;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signature over the body alone does not cover the timestamp header, so the dispatcher holds the signed
 * envelope's own timestamp to the idempotency TTL: a replay is either recognised by the store or rejected as stale.
 * The verifier, the store and the dispatcher share one clock that the tests move by hand.
 */
class BodySignatureReplayTests {

	private static final Instant START = Instant.parse("2024-01-20T12:00:00Z");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InteractorWebhookAutoConfiguration.class))
		.withUserConfiguration(ClockedComponents.class, MessageHandler.class)
		.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET);

	private static MutableClock clock(AssertableApplicationContext context) {
		return context.getBean(MutableClock.class);
	}

	private static WebhookOutcome deliver(AssertableApplicationContext context, HttpHeaders headers, String body) {
		WebhookDispatcher dispatcher = context.getBean(WebhookDispatcher.class);
		dispatcher.setClock(clock(context));
		return dispatcher.dispatch(headers, Deliveries.bytes(body));
	}

	/** A delivery signed over its body alone, now, with a header timestamp of now. */
	private static WebhookOutcome deliverBodySigned(AssertableApplicationContext context, String body) {
		return deliver(context, Deliveries.signBodyOnly(body, clock(context)), body);
	}

	private static String message(String id, String timestampJson) {
		return Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED, id, "{\"content\":\"hello\"}", timestampJson);
	}

	@Test
	void capturedDeliveryReplayedWithAFreshHeaderAfterTheStoreForgotItIsRejected() {
		this.runner.run((context) -> {
			MessageHandler handler = context.getBean(MessageHandler.class);
			String captured = message("evt_captured", Deliveries.iso(START));
			assertThat(deliverBodySigned(context, captured).result()).isEqualTo(Result.PROCESSED);
			// Within the TTL the store recognises the replay, whatever its header says.
			clock(context).advance(Duration.ofDays(3));
			assertThat(deliverBodySigned(context, captured).result()).isEqualTo(Result.DUPLICATE);
			// Once the store forgot the key, only the envelope's age stops it: 401, no handler.
			clock(context).advance(Duration.ofDays(5));
			WebhookOutcome replay = deliverBodySigned(context, captured);
			assertThat(replay.status()).isEqualTo(401);
			assertThat(replay.body()).isEqualTo("{\"error\":\"invalid_timestamp\"}");
			assertThat(handler.calls).hasValue(1);
			assertThat(context.getBean(WebhookOutcomeCounts.class).get(Result.INVALID_TIMESTAMP)).isEqualTo(1);
			// The store really forgot it: the same body signed with the timestamped scheme is processed again.
			HttpHeaders timestamped = new WebhookSigner(Deliveries.SECRET, clock(context)).headers(null, captured);
			assertThat(deliver(context, timestamped, captured).result()).isEqualTo(Result.PROCESSED);
			assertThat(handler.calls).hasValue(2);
		});
	}

	@Test
	void noReplayGetsThroughAtTheBoundary() {
		this.runner.run((context) -> {
			MessageHandler handler = context.getBean(MessageHandler.class);
			String captured = message("evt_boundary", Deliveries.iso(START));
			assertThat(deliverBodySigned(context, captured).result()).isEqualTo(Result.PROCESSED);
			// The oldest accepted age (TTL less the tolerance): the store still holds the key.
			clock(context).advance(Duration.ofDays(7).minusMinutes(5));
			assertThat(deliverBodySigned(context, captured).result()).isEqualTo(Result.DUPLICATE);
			clock(context).advance(Duration.ofMillis(1));
			assertThat(deliverBodySigned(context, captured).result()).isEqualTo(Result.INVALID_TIMESTAMP);
			clock(context).advance(Duration.ofMinutes(5));
			assertThat(deliverBodySigned(context, captured).result()).isEqualTo(Result.INVALID_TIMESTAMP);
			assertThat(handler.calls).hasValue(1);
		});
	}

	@Test
	void bodySignedDeliveryNeedsAReadableEnvelopeTimestamp() {
		this.runner.run((context) -> {
			MessageHandler handler = context.getBean(MessageHandler.class);
			assertThat(deliverBodySigned(context, message("evt_none", null)).result())
				.isEqualTo(Result.INVALID_TIMESTAMP);
			assertThat(deliverBodySigned(context, message("evt_text", "\"yesterday\"")).result())
				.isEqualTo(Result.INVALID_TIMESTAMP);
			assertThat(deliverBodySigned(context, message("evt_object", "{\"at\":\"2024-01-20T12:00:00Z\"}")).result())
				.isEqualTo(Result.INVALID_TIMESTAMP);
			assertThat(deliverBodySigned(context, message("evt_far_future", Deliveries.iso(START.plusSeconds(301))))
				.result()).isEqualTo(Result.INVALID_TIMESTAMP);
			assertThat(handler.calls).hasValue(0);

			// Unix seconds and milliseconds, ISO-8601, a little ahead, and created_at when there is no timestamp
			assertThat(deliverBodySigned(context, message("evt_seconds", Long.toString(START.getEpochSecond())))
				.result()).isEqualTo(Result.PROCESSED);
			assertThat(deliverBodySigned(context,
					message("evt_millis", Long.toString(START.minusSeconds(3600).toEpochMilli())))
				.result()).isEqualTo(Result.PROCESSED);
			assertThat(deliverBodySigned(context, message("evt_iso", Deliveries.iso(START.minus(Duration.ofDays(6)))))
				.result()).isEqualTo(Result.PROCESSED);
			assertThat(deliverBodySigned(context, message("evt_ahead", Deliveries.iso(START.plusSeconds(300))))
				.result()).isEqualTo(Result.PROCESSED);
			String createdAt = "{\"id\":\"evt_created\",\"type\":\"room.message.created\",\"created_at\":\"" + START
					+ "\",\"data\":{\"content\":\"hello\"}}";
			assertThat(deliverBodySigned(context, createdAt).result()).isEqualTo(Result.PROCESSED);
			assertThat(handler.calls).hasValue(5);
			// The numeric forms also reach the handler as the event's timestamp.
			assertThat(handler.timestamps).contains(START, START.minusSeconds(3600));
		});
	}

	@Test
	void timestampedDeliveriesAreNotAffected() {
		this.runner.run((context) -> {
			WebhookSigner signer = new WebhookSigner(Deliveries.SECRET, clock(context));
			String old = message("evt_old", Deliveries.iso(START.minus(Duration.ofDays(30))));
			assertThat(deliver(context, signer.headers(null, old), old).result()).isEqualTo(Result.PROCESSED);
			String none = message("evt_no_timestamp", null);
			assertThat(deliver(context, signer.headers(null, none), none).result()).isEqualTo(Result.PROCESSED);
			assertThat(context.getBean(MessageHandler.class).calls).hasValue(2);
		});
	}

	@Test
	void theBodySchemeAppliesTheSameRule() {
		this.runner.withPropertyValues("interactor.webhook.signature-scheme=body").run((context) -> {
			String old = message("evt_old", Deliveries.iso(START.minus(Duration.ofDays(30))));
			assertThat(deliverBodySigned(context, old).result()).isEqualTo(Result.INVALID_TIMESTAMP);
			String fresh = message("evt_fresh", Deliveries.iso(START));
			assertThat(deliverBodySigned(context, fresh).result()).isEqualTo(Result.PROCESSED);
		});
	}

	@Test
	void theMaxAgeFollowsTheConfiguredTtl() {
		this.runner.withPropertyValues("interactor.webhook.idempotency.ttl=1h").run((context) -> {
			assertThat(deliverBodySigned(context, message("evt_recent", Deliveries.iso(START.minusSeconds(3300))))
				.result()).isEqualTo(Result.PROCESSED);
			assertThat(deliverBodySigned(context, message("evt_stale", Deliveries.iso(START.minusSeconds(3301))))
				.result()).isEqualTo(Result.INVALID_TIMESTAMP);
		});
	}

	/** The verifier and the store of the auto-configuration, on a clock the tests move. */
	@Configuration(proxyBeanMethods = false)
	@Import(ClockedWebhookComponents.class)
	static class ClockedComponents {

		@Bean
		MutableClock testClock() {
			return new MutableClock(START);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MessageHandler {

		final AtomicInteger calls = new AtomicInteger();

		final List<Instant> timestamps = new ArrayList<>();

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		void handle(WebhookEvent<JsonNode> event) {
			this.calls.incrementAndGet();
			if (event.timestamp() != null) {
				this.timestamps.add(event.timestamp());
			}
		}

	}

}
