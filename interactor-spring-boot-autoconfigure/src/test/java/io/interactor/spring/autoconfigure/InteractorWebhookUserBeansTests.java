package io.interactor.spring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.interactor.spring.test.ForwardingIdempotencyStore;
import io.interactor.spring.test.Deliveries;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.MissingWebhookSecretException;
import io.interactor.spring.webhook.RoomMessageData;
import io.interactor.spring.webhook.dispatch.WebhookBody;
import io.interactor.spring.webhook.dispatch.WebhookDispatcher;
import io.interactor.spring.webhook.dispatch.WebhookHandlerMethod;
import io.interactor.spring.webhook.dispatch.WebhookHandlerRegistry;
import io.interactor.spring.webhook.dispatch.WebhookOutcome;
import io.interactor.spring.webhook.dispatch.WebhookOutcome.Result;
import io.interactor.spring.webhook.idempotency.ClaimResult;
import io.interactor.spring.webhook.idempotency.InMemoryWebhookIdempotencyStore;
import io.interactor.spring.webhook.idempotency.WebhookIdempotencyStore;
import io.interactor.spring.webhook.signature.HmacWebhookSignatureVerifier;
import io.interactor.spring.webhook.signature.SignatureScheme;
import io.interactor.spring.webhook.signature.VerificationFailure;
import io.interactor.spring.webhook.signature.VerificationResult;
import io.interactor.spring.webhook.signature.WebhookSignatureVerifier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every type the webhook auto-configuration backs off from can be replaced by an application bean, and the
 * application's bean is then the one the pipeline really uses on a delivery.
 */
class InteractorWebhookUserBeansTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InteractorWebhookAutoConfiguration.class))
		.withUserConfiguration(Handler.class);

	private static WebhookOutcome deliver(AssertableApplicationContext context, HttpHeaders headers, String body) {
		return context.getBean(WebhookDispatcher.class).dispatch(headers, body.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void applicationVerifierReplacesTheHmacVerifierAndDecidesEveryDelivery() {
		// no interactor.webhook.secret: the handler is accepted because the application's verifier can verify
		this.runner.withUserConfiguration(TokenVerifierConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(HmacWebhookSignatureVerifier.class);
			assertThat(context.getBeansOfType(WebhookSignatureVerifier.class)).containsOnlyKeys("tokenVerifier");
			TokenVerifier verifier = context.getBean(TokenVerifier.class);
			Handler handler = context.getBean(Handler.class);
			HttpHeaders withToken = new HttpHeaders();
			withToken.set(TokenVerifier.HEADER, TokenVerifier.TOKEN);
			String recent = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED, "evt_token", "{}",
					Deliveries.iso(Instant.now()));
			assertThat(deliver(context, withToken, recent).result()).isEqualTo(Result.PROCESSED);
			String signedBody = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED);
			assertThat(deliver(context, Deliveries.sign(signedBody), signedBody).status()).isEqualTo(401);
			// Its token covers no timestamp (it reports the body scheme), so the envelope must be recent too.
			String old = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED);
			assertThat(deliver(context, withToken, old).result()).isEqualTo(Result.INVALID_TIMESTAMP);
			assertThat(verifier.calls).hasValue(3);
			assertThat(handler.calls).hasValue(1);
		});
	}

	@Test
	void applicationVerifierWithoutSecretsStillFailsStartupWhenHandlersExist() {
		this.runner.withUserConfiguration(TokenVerifierConfiguration.class)
			.withPropertyValues("test.verifier.has-secrets=false")
			.run((context) -> assertThat(context).getFailure().isInstanceOf(MissingWebhookSecretException.class));
	}

	@Test
	void applicationIdempotencyStoreReplacesTheInMemoryStoreAndClaimsEveryDelivery() {
		this.runner.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET)
			.withUserConfiguration(RecordingStoreConfiguration.class)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(InMemoryWebhookIdempotencyStore.class);
				assertThat(context.getBeansOfType(WebhookIdempotencyStore.class)).containsOnlyKeys("recordingStore");
				String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED, "evt_store", "{}");
				assertThat(deliver(context, Deliveries.sign(body), body).result()).isEqualTo(Result.PROCESSED);
				assertThat(deliver(context, Deliveries.sign(body), body).result()).isEqualTo(Result.DUPLICATE);
				RecordingStore store = context.getBean(RecordingStore.class);
				assertThat(store.claimed).containsExactly("idem_evt_store", "idem_evt_store");
				assertThat(context.getBean(Handler.class).calls).hasValue(1);
			});
	}

	@Test
	void applicationHandlerRegistryReplacesTheDefaultAndReceivesTheHandlers() {
		this.runner.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET)
			.withUserConfiguration(RecordingRegistryConfiguration.class)
			.run((context) -> {
				assertThat(context.getBeansOfType(WebhookHandlerRegistry.class)).containsOnlyKeys("recordingRegistry");
				RecordingRegistry registry = context.getBean(RecordingRegistry.class);
				assertThat(registry.getHandlers()).extracting((handler) -> handler.getMethod().getName())
					.containsExactly("handle");
				String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED);
				assertThat(deliver(context, Deliveries.sign(body), body).result()).isEqualTo(Result.PROCESSED);
				assertThat(registry.lookups).containsExactly(InteractorEvents.ROOM_MESSAGE_CREATED);
				assertThat(context.getBean(Handler.class).calls).hasValue(1);
			});
	}

	@Test
	@SuppressWarnings("unchecked")
	void applicationDispatcherReplacesTheDefaultAndServesTheEndpoint() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InteractorWebhookAutoConfiguration.class))
			.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET)
			.withUserConfiguration(Handler.class, RecordingDispatcherConfiguration.class)
			.run((context) -> {
				assertThat(context.getBeansOfType(WebhookDispatcher.class)).containsOnlyKeys("recordingDispatcher");
				RouterFunction<ServerResponse> route = (RouterFunction<ServerResponse>) context
					.getBean("interactorWebhookRouterFunction");
				String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED);
				Deliveries.post(WebTestClient.bindToRouterFunction(route).build(), body).expectStatus().isOk();
				assertThat(context.getBean(RecordingDispatcher.class).calls).hasValue(1);
				assertThat(context.getBean(Handler.class).calls).hasValue(1);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class Handler {

		final AtomicInteger calls = new AtomicInteger();

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		void handle(RoomMessageData data) {
			this.calls.incrementAndGet();
		}

	}

	/** Accepts exactly the deliveries that carry a shared token header: another way of proving the sender. */
	static class TokenVerifier implements WebhookSignatureVerifier {

		static final String HEADER = "X-Test-Token";

		static final String TOKEN = "let-me-in";

		final AtomicInteger calls = new AtomicInteger();

		private final boolean hasSecrets;

		TokenVerifier(boolean hasSecrets) {
			this.hasSecrets = hasSecrets;
		}

		@Override
		public VerificationResult verify(HttpHeaders headers, byte[] body) {
			this.calls.incrementAndGet();
			return TOKEN.equals(headers.getFirst(HEADER)) ? VerificationResult.valid(SignatureScheme.BODY, 0)
					: VerificationResult.failed(VerificationFailure.SIGNATURE_MISMATCH);
		}

		@Override
		public boolean hasSecrets() {
			return this.hasSecrets;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TokenVerifierConfiguration {

		@Bean
		TokenVerifier tokenVerifier(org.springframework.core.env.Environment environment) {
			return new TokenVerifier(environment.getProperty("test.verifier.has-secrets", Boolean.class, true));
		}

	}

	static class RecordingStore extends ForwardingIdempotencyStore {

		final List<String> claimed = new CopyOnWriteArrayList<>();

		@Override
		public ClaimResult claim(String key, String claimId) {
			this.claimed.add(key);
			return super.claim(key, claimId);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingStoreConfiguration {

		@Bean
		RecordingStore recordingStore() {
			return new RecordingStore();
		}

	}

	static class RecordingRegistry extends WebhookHandlerRegistry {

		final List<String> lookups = new CopyOnWriteArrayList<>();

		@Override
		public List<WebhookHandlerMethod> handlersFor(String eventType) {
			this.lookups.add(eventType);
			return super.handlersFor(eventType);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingRegistryConfiguration {

		@Bean
		RecordingRegistry recordingRegistry() {
			return new RecordingRegistry();
		}

	}

	static class RecordingDispatcher extends WebhookDispatcher {

		final AtomicInteger calls = new AtomicInteger();

		RecordingDispatcher(WebhookSignatureVerifier verifier, WebhookIdempotencyStore store,
				WebhookHandlerRegistry registry) {
			super(verifier, store, registry, JsonMapper.builder().build(), 1024 * 1024, Duration.ofSeconds(1));
		}

		@Override
		public WebhookOutcome dispatch(HttpHeaders headers, WebhookBody body) {
			this.calls.incrementAndGet();
			return super.dispatch(headers, body);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingDispatcherConfiguration {

		@Bean
		RecordingDispatcher recordingDispatcher(WebhookSignatureVerifier verifier, WebhookIdempotencyStore store,
				WebhookHandlerRegistry registry) {
			return new RecordingDispatcher(verifier, store, registry);
		}

	}

}
