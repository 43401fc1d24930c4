package io.interactor.spring.webhook.dispatch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.interactor.spring.autoconfigure.InteractorWebhookAutoConfiguration;
import io.interactor.spring.test.ForwardingIdempotencyStore;
import io.interactor.spring.test.Deliveries;
import io.interactor.spring.test.UnavailableIdempotencyStore;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.RoomMessageData;
import io.interactor.spring.webhook.WebhookEvent;
import io.interactor.spring.webhook.WorkflowInstanceData;
import io.interactor.spring.webhook.dispatch.WebhookOutcome.Result;
import io.interactor.spring.webhook.idempotency.IdempotencyStoreException;
import io.interactor.spring.webhook.idempotency.WebhookIdempotencyStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher pipeline with handlers discovered from a real application context.
 */
class WebhookDispatcherTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InteractorWebhookAutoConfiguration.class))
		.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET);

	static WebhookOutcome deliver(AssertableApplicationContext context, String body) {
		return context.getBean(WebhookDispatcher.class).dispatch(Deliveries.sign(body), Deliveries.bytes(body));
	}

	@Test
	void wildcardsMatchAndHandlersRunInOrder() {
		this.runner.withUserConfiguration(OrderedHandlers.class).run((context) -> {
			OrderedHandlers handlers = context.getBean(OrderedHandlers.class);
			assertThat(deliver(context, Deliveries.body("room.message.created")).status()).isEqualTo(200);
			assertThat(handlers.calls).containsExactly("all", "room.*", "exact");
			handlers.calls.clear();
			assertThat(deliver(context, Deliveries.body("workflow.instance.halted")).result())
				.isEqualTo(Result.PROCESSED);
			assertThat(handlers.calls).containsExactly("all", "workflow.instance.*");
			handlers.calls.clear();
			deliver(context, Deliveries.body("roomy.thing"));
			assertThat(handlers.calls).containsExactly("all");
		});
	}

	@Test
	void unknownTypeIsAcknowledgedWithoutHandler() {
		this.runner.withUserConfiguration(ExactHandler.class).run((context) -> {
			WebhookOutcome outcome = deliver(context, Deliveries.body("agent.something.new"));
			assertThat(outcome.status()).isEqualTo(200);
			assertThat(outcome.body()).isEqualTo("{\"received\":true,\"handled\":false}");
			assertThat(context.getBean(ExactHandler.class).calls).isZero();
			assertThat(context.getBean(WebhookOutcomeCounts.class).get(Result.UNHANDLED)).isEqualTo(1);
		});
	}

	@Test
	void everyArgumentKindIsResolved() {
		this.runner.withUserConfiguration(ArgumentHandlers.class).run((context) -> {
			String body = Deliveries.body("room.message.created", "evt_args",
					"{\"message_id\":\"msg_7\",\"room_id\":\"room_9\",\"role\":\"assistant\",\"content\":\"hi\","
							+ "\"unknown_field\":1}");
			HttpHeaders headers = Deliveries.sign(body);
			headers.set("X-Tenant", "acme");
			WebhookOutcome outcome = context.getBean(WebhookDispatcher.class).dispatch(headers, Deliveries.bytes(body));
			assertThat(outcome.result()).isEqualTo(Result.PROCESSED);
			ArgumentHandlers handlers = context.getBean(ArgumentHandlers.class);
			WebhookEvent<RoomMessageData> event = handlers.typedEvent.get();
			assertThat(event.data().messageId()).isEqualTo("msg_7");
			assertThat(event.data().role()).isEqualTo("assistant");
			assertThat(event.id()).isEqualTo("evt_args");
			assertThat(event.type()).isEqualTo("room.message.created");
			assertThat(event.idempotencyKey()).isEqualTo("idem_evt_args");
			assertThat(event.namespace()).isEqualTo("user_42");
			assertThat(event.timestamp()).hasToString("2024-01-20T12:00:00Z");
			assertThat(handlers.record.get().roomId()).isEqualTo("room_9");
			assertThat(handlers.node.get().get("content").asString()).isEqualTo("hi");
			assertThat(handlers.headers.get().getFirst("X-Tenant")).isEqualTo("acme");
			assertThat(handlers.rawBytes.get()).isEqualTo(Deliveries.bytes(body));
			assertThat(handlers.rawString.get()).isEqualTo(body);
			assertThat(handlers.map.get()).containsEntry("room_id", "room_9");
			assertThat(handlers.jsonEvent.get().data().get("message_id").asString()).isEqualTo("msg_7");
			assertThat(handlers.tenant.get()).isEqualTo(new Tenant("acme"));
		});
	}

	@Test
	void userResolversComeBeforeBuiltIns() {
		this.runner.withUserConfiguration(OverridingResolverHandlers.class).run((context) -> {
			deliver(context, Deliveries.body("room.message.created"));
			assertThat(context.getBean(OverridingResolverHandlers.class).value.get()).isEqualTo("from user resolver");
		});
	}

	@Test
	void asynchronousReturnTypesAreAwaited() {
		this.runner.withUserConfiguration(AsyncHandlers.class).run((context) -> {
			AsyncHandlers handlers = context.getBean(AsyncHandlers.class);
			assertThat(deliver(context, Deliveries.body("room.message.created")).result()).isEqualTo(Result.PROCESSED);
			assertThat(handlers.monoSubscribed).hasValue(1);
			assertThat(handlers.stageCompleted).hasValue(1);
			assertThat(deliver(context, Deliveries.body("workflow.instance.failed")).result())
				.isEqualTo(Result.HANDLER_FAILED);
			assertThat(deliver(context, Deliveries.body("workflow.instance.cancelled")).result())
				.isEqualTo(Result.HANDLER_FAILED);
		});
	}

	@Test
	void failedHandlerReleasesClaimSoRedeliveryIsProcessedExactlyOnce() {
		this.runner.withUserConfiguration(FlakyHandler.class).run((context) -> {
			FlakyHandler handler = context.getBean(FlakyHandler.class);
			String body = Deliveries.body("workflow.instance.completed", "evt_flaky", "{\"instance_id\":\"wi_1\"}");
			WebhookOutcome first = deliver(context, body);
			assertThat(first.status()).isEqualTo(500);
			assertThat(first.body()).isEqualTo("{\"error\":\"handler_failed\"}").doesNotContain("boom");
			// the redelivery carries a new delivery id, timestamp and signature
			HttpHeaders redelivery = new io.interactor.spring.webhook.WebhookSigner(Deliveries.SECRET)
				.headers("workflow.instance.completed", Deliveries.bytes(body),
						Long.toString(java.time.Instant.now().getEpochSecond() - 30));
			WebhookOutcome second = context.getBean(WebhookDispatcher.class)
				.dispatch(redelivery, Deliveries.bytes(body));
			assertThat(second.result()).isEqualTo(Result.PROCESSED);
			assertThat(deliver(context, body).result()).isEqualTo(Result.DUPLICATE);
			assertThat(deliver(context, body).status()).isEqualTo(200);
			assertThat(handler.attempts).hasValue(2);
			assertThat(handler.successes).hasValue(1);
		});
	}

	@Test
	void invalidSignatureStoresNothingAndInvokesNothing() {
		this.runner.withUserConfiguration(ExactHandler.class).run((context) -> {
			String body = Deliveries.body("room.message.created");
			HttpHeaders forged = new io.interactor.spring.webhook.WebhookSigner("whsec_forged").headers(null, body);
			WebhookOutcome outcome = context.getBean(WebhookDispatcher.class).dispatch(forged, Deliveries.bytes(body));
			assertThat(outcome.status()).isEqualTo(401);
			assertThat(outcome.body()).isEqualTo("{\"error\":\"invalid_signature\"}");
			assertThat(context.getBean(ExactHandler.class).calls).isZero();
			assertThat(deliver(context, body).result()).isEqualTo(Result.PROCESSED);
			assertThat(context.getBean(ExactHandler.class).calls).isEqualTo(1);
		});
	}

	@Test
	void staleTimestampIsReportedAsInvalidTimestamp() {
		this.runner.withUserConfiguration(ExactHandler.class).run((context) -> {
			String body = Deliveries.body("room.message.created");
			HttpHeaders stale = new io.interactor.spring.webhook.WebhookSigner(Deliveries.SECRET).headers(null,
					Deliveries.bytes(body), Long.toString(java.time.Instant.now().getEpochSecond() - 600));
			WebhookOutcome outcome = context.getBean(WebhookDispatcher.class).dispatch(stale, Deliveries.bytes(body));
			assertThat(outcome.status()).isEqualTo(401);
			assertThat(outcome.body()).isEqualTo("{\"error\":\"invalid_timestamp\"}");
			assertThat(context.getBean(ExactHandler.class).calls).isZero();
		});
	}

	@Test
	void malformedBodiesAreRejectedWith400() {
		this.runner.withUserConfiguration(ExactHandler.class, ArgumentHandlers.class).run((context) -> {
			WebhookOutcome notJson = deliver(context, "{\"id\": \"evt_1\", ");
			assertThat(notJson.status()).isEqualTo(400);
			assertThat(notJson.body()).isEqualTo("{\"error\":\"invalid_json\"}");
			assertThat(deliver(context, "[1,2]").body()).isEqualTo("{\"error\":\"invalid_json\"}");
			WebhookOutcome noType = deliver(context, "{\"id\":\"evt_1\",\"data\":{}}");
			assertThat(noType.status()).isEqualTo(400);
			assertThat(noType.body()).isEqualTo("{\"error\":\"invalid_envelope\"}");
			WebhookOutcome badData = deliver(context,
					Deliveries.body("room.message.created", "evt_bad", "\"secret user text\""));
			assertThat(badData.status()).isEqualTo(400);
			assertThat(badData.body()).isEqualTo("{\"error\":\"invalid_payload\"}");
			assertThat(context.getBean(ExactHandler.class).calls).isZero();
			assertThat(context.getBean(ArgumentHandlers.class).record.get()).isNull();
		});
	}

	@Test
	void envelopeVariantsAreUnderstood() {
		this.runner.withUserConfiguration(CapturingHandler.class).run((context) -> {
			CapturingHandler handler = context.getBean(CapturingHandler.class);
			deliver(context, "{\"type\":\"credential.revoked\",\"id\":\"evt_a\",\"created_at\":\"2024-01-20T12:00:00Z\","
					+ "\"data\":{\"credential_id\":\"cred_1\",\"namespace\":\"ns_data\"}}");
			WebhookEvent<JsonNode> first = handler.events.get(0);
			assertThat(first.type()).isEqualTo("credential.revoked");
			assertThat(first.idempotencyKey()).isEqualTo("evt_a");
			assertThat(first.namespace()).isEqualTo("ns_data");
			assertThat(first.timestamp()).hasToString("2024-01-20T12:00:00Z");
			deliver(context, "{\"event_type\":\"credential.expired\",\"id\":\"evt_b\",\"data\":{\"external_user_id\":\"ext\"}}");
			assertThat(handler.events.get(1).type()).isEqualTo("credential.expired");
			assertThat(handler.events.get(1).namespace()).isEqualTo("ext");
			String headerOnly = "{\"data\":{\"credential_id\":\"cred_2\"}}";
			HttpHeaders headers = Deliveries.sign(headerOnly);
			headers.set("X-Interactor-Event", "credential.connected");
			headers.set("X-Interactor-Webhook-Id", "wh_dedupe_1");
			WebhookDispatcher dispatcher = context.getBean(WebhookDispatcher.class);
			assertThat(dispatcher.dispatch(headers, Deliveries.bytes(headerOnly)).result()).isEqualTo(Result.PROCESSED);
			WebhookEvent<JsonNode> third = handler.events.get(2);
			assertThat(third.type()).isEqualTo("credential.connected");
			assertThat(third.idempotencyKey()).isEqualTo("wh_dedupe_1");
			assertThat(third.id()).isEqualTo(headers.getFirst("X-Interactor-Delivery"));
			// a new delivery attempt has a new X-Interactor-Delivery but the same webhook id: duplicate
			HttpHeaders retry = Deliveries.sign(headerOnly);
			retry.set("X-Interactor-Event", "credential.connected");
			retry.set("X-Interactor-Webhook-Id", "wh_dedupe_1");
			assertThat(dispatcher.dispatch(retry, Deliveries.bytes(headerOnly)).result()).isEqualTo(Result.DUPLICATE);
			// without any id the envelope is unusable (the per-attempt delivery id is never a dedupe key)
			HttpHeaders noKey = Deliveries.sign(headerOnly);
			noKey.set("X-Interactor-Event", "credential.connected");
			assertThat(dispatcher.dispatch(noKey, Deliveries.bytes(headerOnly)).result())
				.isEqualTo(Result.INVALID_ENVELOPE);
			assertThat(handler.events).hasSize(3);
		});
	}

	@Test
	void bodyOverTheCapIsRejected() {
		this.runner.withUserConfiguration(ExactHandler.class)
			.withPropertyValues("interactor.webhook.max-payload-size=100B")
			.run((context) -> {
				String body = Deliveries.body("room.message.created");
				WebhookOutcome outcome = deliver(context, body);
				assertThat(outcome.status()).isEqualTo(413);
				assertThat(outcome.body()).isEqualTo("{\"error\":\"payload_too_large\"}");
				assertThat(context.getBean(ExactHandler.class).calls).isZero();
			});
	}

	@Test
	void unreachableStoreFailsClosedWith503() {
		this.runner.withUserConfiguration(ExactHandler.class, BrokenStoreConfiguration.class).run((context) -> {
			WebhookOutcome outcome = deliver(context, Deliveries.body("room.message.created"));
			assertThat(outcome.status()).isEqualTo(503);
			assertThat(outcome.retryAfterSeconds()).isPositive();
			assertThat(outcome.body()).isEqualTo("{\"error\":\"idempotency_store_unavailable\"}");
			assertThat(context.getBean(ExactHandler.class).calls).isZero();
		});
	}

	@Test
	void storeFailingBetweenHandlersAnswers503AndTheRedeliveryRunsOnlyTheRemainingHandlers() {
		this.runner.withUserConfiguration(TwoStepHandlers.class, FlakyCompletionStoreConfiguration.class)
			.run((context) -> {
				TwoStepHandlers handlers = context.getBean(TwoStepHandlers.class);
				FlakyCompletionStore store = context.getBean(FlakyCompletionStore.class);
				String body = Deliveries.body("room.message.created");
				store.failCompletionOf = context.getBean(WebhookHandlerRegistry.class)
					.getHandlers()
					.stream()
					.filter((handler) -> handler.getMethod().getName().equals("second"))
					.findFirst()
					.orElseThrow()
					.getId();
				WebhookOutcome outcome = deliver(context, body);
				assertThat(outcome.status()).isEqualTo(503);
				assertThat(outcome.result()).isEqualTo(Result.STORE_UNAVAILABLE);
				assertThat(outcome.retryAfterSeconds()).isPositive();
				// nothing runs after the lost completion, and the delivery is not reported as processed
				assertThat(handlers.calls).containsExactly("first", "second");

				store.failCompletionOf = null;
				// the completion that could not be recorded is recorded before the redelivery claims the key
				assertThat(deliver(context, body).result()).isEqualTo(Result.PROCESSED);
				assertThat(handlers.calls).containsExactly("first", "second", "third");
				assertThat(deliver(context, body).result()).isEqualTo(Result.DUPLICATE);
			});
	}

	@Test
	void storeFailingToReadCompletionsAnswers503AndRunsNothing() {
		this.runner.withUserConfiguration(TwoStepHandlers.class, FlakyCompletionStoreConfiguration.class)
			.run((context) -> {
				TwoStepHandlers handlers = context.getBean(TwoStepHandlers.class);
				FlakyCompletionStore store = context.getBean(FlakyCompletionStore.class);
				String body = Deliveries.body("room.message.created");
				store.failReads = true;
				assertThat(deliver(context, body).result()).isEqualTo(Result.STORE_UNAVAILABLE);
				assertThat(handlers.calls).isEmpty();
				store.failReads = false;
				// the claim was released: the redelivery is processed at once
				assertThat(deliver(context, body).result()).isEqualTo(Result.PROCESSED);
				assertThat(handlers.calls).containsExactly("first", "second", "third");
			});
	}

	@Test
	void placeholdersInEventTypesAreResolved() {
		this.runner.withUserConfiguration(PlaceholderHandler.class)
			.withPropertyValues("app.webhook.type=workflow.instance.halted")
			.run((context) -> {
				String body = Deliveries.body("workflow.instance.halted", "evt_h",
						"{\"instance_id\":\"wi_1\",\"presentation\":{\"type\":\"form\",\"title\":\"Approve\","
								+ "\"fields\":[{\"name\":\"ok\",\"type\":\"boolean\",\"label\":\"OK?\",\"required\":true}]}}");
				assertThat(deliver(context, body).result()).isEqualTo(Result.PROCESSED);
				WorkflowInstanceData data = context.getBean(PlaceholderHandler.class).data.get();
				assertThat(data.instanceId()).isEqualTo("wi_1");
				assertThat(data.presentation().fields()).singleElement()
					.satisfies((field) -> assertThat(field.required()).isTrue());
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedHandlers {

		final List<String> calls = Collections.synchronizedList(new ArrayList<>());

		@InteractorWebhook("room.message.created")
		@Order(3)
		void exact() {
			this.calls.add("exact");
		}

		@InteractorWebhook(InteractorEvents.ALL)
		@Order(1)
		void all() {
			this.calls.add("all");
		}

		@InteractorWebhook("room.*")
		@Order(2)
		void room() {
			this.calls.add("room.*");
		}

		@InteractorWebhook(InteractorEvents.ALL_WORKFLOW_INSTANCE)
		@Order(2)
		void workflow() {
			this.calls.add("workflow.instance.*");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ExactHandler {

		volatile int calls;

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		void handle(RoomMessageData data) {
			this.calls++;
		}

	}

	record Tenant(String name) {
	}

	@Configuration(proxyBeanMethods = false)
	static class ArgumentHandlers {

		final AtomicReference<WebhookEvent<RoomMessageData>> typedEvent = new AtomicReference<>();

		final AtomicReference<RoomMessageData> record = new AtomicReference<>();

		final AtomicReference<JsonNode> node = new AtomicReference<>();

		final AtomicReference<HttpHeaders> headers = new AtomicReference<>();

		final AtomicReference<byte[]> rawBytes = new AtomicReference<>();

		final AtomicReference<String> rawString = new AtomicReference<>();

		final AtomicReference<Map<String, Object>> map = new AtomicReference<>();

		final AtomicReference<WebhookEvent<JsonNode>> jsonEvent = new AtomicReference<>();

		final AtomicReference<Tenant> tenant = new AtomicReference<>();

		@Bean
		WebhookArgumentResolver tenantResolver() {
			return new WebhookArgumentResolver() {

				@Override
				public boolean supportsParameter(MethodParameter parameter) {
					return parameter.getParameterType() == Tenant.class;
				}

				@Override
				public Object resolveArgument(MethodParameter parameter, WebhookEvent<JsonNode> event) {
					return new Tenant(event.headers().getFirst("X-Tenant"));
				}

			};
		}

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		void handle(WebhookEvent<RoomMessageData> typedEvent, RoomMessageData record, JsonNode node,
				HttpHeaders headers, byte[] rawBytes, String rawString, Map<String, Object> map,
				WebhookEvent<JsonNode> jsonEvent, Tenant tenant) {
			this.typedEvent.set(typedEvent);
			this.record.set(record);
			this.node.set(node);
			this.headers.set(headers);
			this.rawBytes.set(rawBytes);
			this.rawString.set(rawString);
			this.map.set(map);
			this.jsonEvent.set(jsonEvent);
			this.tenant.set(tenant);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OverridingResolverHandlers {

		final AtomicReference<String> value = new AtomicReference<>();

		@Bean
		WebhookArgumentResolver stringResolver() {
			return new WebhookArgumentResolver() {

				@Override
				public boolean supportsParameter(MethodParameter parameter) {
					return parameter.getParameterType() == String.class;
				}

				@Override
				public Object resolveArgument(MethodParameter parameter, WebhookEvent<JsonNode> event) {
					return "from user resolver";
				}

			};
		}

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		void handle(String value) {
			this.value.set(value);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AsyncHandlers {

		final AtomicInteger monoSubscribed = new AtomicInteger();

		final AtomicInteger stageCompleted = new AtomicInteger();

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		Mono<Void> mono() {
			return Mono.fromRunnable(this.monoSubscribed::incrementAndGet);
		}

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		CompletionStage<String> stage() {
			return CompletableFuture.supplyAsync(() -> {
				this.stageCompleted.incrementAndGet();
				return "done";
			});
		}

		@InteractorWebhook(InteractorEvents.WORKFLOW_INSTANCE_FAILED)
		Mono<Void> failingMono() {
			return Mono.error(new IllegalStateException("boom"));
		}

		@InteractorWebhook(InteractorEvents.WORKFLOW_INSTANCE_CANCELLED)
		CompletionStage<Void> failingStage() {
			return CompletableFuture.failedFuture(new IllegalStateException("boom"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FlakyHandler {

		final AtomicInteger attempts = new AtomicInteger();

		final AtomicInteger successes = new AtomicInteger();

		@InteractorWebhook(InteractorEvents.WORKFLOW_INSTANCE_COMPLETED)
		void handle(WorkflowInstanceData data) {
			if (this.attempts.incrementAndGet() == 1) {
				throw new IllegalStateException("boom");
			}
			this.successes.incrementAndGet();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CapturingHandler {

		final List<WebhookEvent<JsonNode>> events = Collections.synchronizedList(new ArrayList<>());

		@InteractorWebhook(InteractorEvents.ALL_CREDENTIAL)
		void handle(WebhookEvent<JsonNode> event) {
			this.events.add(event);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PlaceholderHandler {

		final AtomicReference<WorkflowInstanceData> data = new AtomicReference<>();

		@InteractorWebhook("${app.webhook.type}")
		void handle(WebhookEvent<WorkflowInstanceData> event) {
			this.data.set(event.data());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BrokenStoreConfiguration {

		@Bean
		WebhookIdempotencyStore brokenStore() {
			return new UnavailableIdempotencyStore();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoStepHandlers {

		final List<String> calls = Collections.synchronizedList(new ArrayList<>());

		@InteractorWebhook("room.message.created")
		@Order(1)
		void first() {
			this.calls.add("first");
		}

		@InteractorWebhook("room.message.created")
		@Order(2)
		void second() {
			this.calls.add("second");
		}

		@InteractorWebhook("room.message.created")
		@Order(3)
		void third() {
			this.calls.add("third");
		}

	}

	/** The in-memory store whose backend fails on demand while recording or reading handler completions. */
	static class FlakyCompletionStore extends ForwardingIdempotencyStore {

		volatile @Nullable String failCompletionOf;

		volatile boolean failReads;

		@Override
		public Set<String> completedHandlers(String key) {
			if (this.failReads) {
				throw new IdempotencyStoreException("simulated outage", new RuntimeException());
			}
			return super.completedHandlers(key);
		}

		@Override
		public void completeHandler(String key, String claimId, String handlerId) {
			if (handlerId.equals(this.failCompletionOf)) {
				throw new IdempotencyStoreException("simulated outage", new RuntimeException());
			}
			super.completeHandler(key, claimId, handlerId);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FlakyCompletionStoreConfiguration {

		@Bean
		FlakyCompletionStore flakyCompletionStore() {
			return new FlakyCompletionStore();
		}

	}

}
