package io.interactor.spring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.interactor.spring.test.Deliveries;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.RoomMessageData;
import io.interactor.spring.webhook.WebhookSigner;
import io.interactor.spring.webhook.dispatch.InteractorWebhookAnnotationBeanPostProcessor;
import io.interactor.spring.webhook.dispatch.WebhookDispatcher;
import io.interactor.spring.webhook.dispatch.WebhookHandlerRegistry;
import io.interactor.spring.webhook.idempotency.IdempotencyStoreType;
import io.interactor.spring.webhook.idempotency.InMemoryWebhookIdempotencyStore;
import io.interactor.spring.webhook.idempotency.RedisWebhookIdempotencyStore;
import io.interactor.spring.webhook.idempotency.WebhookIdempotencyStore;
import io.interactor.spring.webhook.signature.HmacWebhookSignatureVerifier;
import io.interactor.spring.webhook.signature.SignatureScheme;
import io.interactor.spring.webhook.signature.VerificationResult;
import io.interactor.spring.webhook.signature.WebhookSignatureVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class InteractorWebhookAutoConfigurationTests {

	private static final String LOGGER = InteractorWebhookAutoConfiguration.class.getName();

	private final LoggingSystem loggingSystem = LoggingSystem.get(getClass().getClassLoader());

	@BeforeEach
	void logStoreChoice() {
		// The store choice is logged at INFO; the tests' logging configuration shows WARN and above only.
		this.loggingSystem.setLogLevel(LOGGER, LogLevel.INFO);
	}

	@AfterEach
	void restoreLogLevel() {
		this.loggingSystem.setLogLevel(LOGGER, null);
	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InteractorWebhookAutoConfiguration.class));

	@Test
	void isRegisteredInAutoConfigurationImports() throws Exception {
		String imports = new String(getClass().getClassLoader()
			.getResourceAsStream("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")
			.readAllBytes(), StandardCharsets.UTF_8);
		assertThat(imports.lines()).contains(InteractorWebhookAutoConfiguration.class.getName());
	}

	@Test
	void defaultsNeedNoCredentialsAndNoSecretWithoutHandlers() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(WebhookDispatcher.class)
				.hasSingleBean(WebhookHandlerRegistry.class)
				.hasSingleBean(InMemoryWebhookIdempotencyStore.class)
				.hasSingleBean(InteractorWebhookAnnotationBeanPostProcessor.class);
			assertThat(context.getBean(WebhookSignatureVerifier.class).hasSecrets()).isFalse();
			assertThat(context.getBean(WebhookDispatcher.class).getMaxPayloadBytes()).isEqualTo(1024 * 1024);
			assertThat(context).doesNotHaveBean("interactorWebhookRouterFunction");
		});
	}

	@Test
	void disabledRegistersNothingAndToleratesHandlersWithoutSecret() {
		this.runner.withPropertyValues("interactor.webhook.enabled=false")
			.withUserConfiguration(Handler.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(WebhookDispatcher.class)
					.doesNotHaveBean(InteractorWebhookAnnotationBeanPostProcessor.class);
			});
	}

	@Test
	void secretAndPreviousSecretsAreBoundForRotation() {
		this.runner
			.withPropertyValues("interactor.webhook.secret=whsec_new",
					"interactor.webhook.previous-secrets=whsec_old1,whsec_old2")
			.run((context) -> {
				WebhookSignatureVerifier verifier = context.getBean(WebhookSignatureVerifier.class);
				byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
				assertThat(verifier.verify(new WebhookSigner("whsec_new").headers(null, body), body).secretIndex())
					.isZero();
				VerificationResult old = verifier.verify(new WebhookSigner("whsec_old2").headers(null, body), body);
				assertThat(old.isValid()).isTrue();
				assertThat(old.secretIndex()).isEqualTo(2);
				assertThat(verifier.verify(new WebhookSigner("whsec_other").headers(null, body), body).isValid())
					.isFalse();
			});
	}

	@Test
	void signatureSchemeToleranceAndSizeAreBound() {
		this.runner
			.withPropertyValues("interactor.webhook.secret=whsec_x", "interactor.webhook.signature-scheme=timestamped",
					"interactor.webhook.tolerance=10s", "interactor.webhook.max-payload-size=2KB")
			.run((context) -> {
				WebhookSignatureVerifier verifier = context.getBean(WebhookSignatureVerifier.class);
				assertThat(verifier.toString()).contains("scheme=TIMESTAMPED").contains("tolerance=PT10S");
				byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
				HttpHeaders bodyOnly = new HttpHeaders();
				bodyOnly.set(WebhookSignatureVerifier.TIMESTAMP_HEADER,
						Long.toString(Clock.systemUTC().instant().getEpochSecond()));
				bodyOnly.set(WebhookSignatureVerifier.SIGNATURE_HEADER, new WebhookSigner("whsec_x").signBody(body));
				assertThat(verifier.verify(bodyOnly, body).isValid()).isFalse();
				assertThat(context.getBean(WebhookDispatcher.class).getMaxPayloadBytes()).isEqualTo(2048);
			});
	}

	@Test
	void backsOffToUserBeans() {
		this.runner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context.getBean(WebhookSignatureVerifier.class)).isSameAs(UserBeans.VERIFIER);
			assertThat(context.getBeansOfType(WebhookIdempotencyStore.class)).containsOnlyKeys("myStore");
			assertThat(context.getBeansOfType(WebhookSignatureVerifier.class)).containsOnlyKeys("myVerifier");
		});
	}

	@Test
	void afterNameClassesExist() throws Exception {
		for (String name : List.of(InteractorWebhookAutoConfiguration.DATA_REDIS_AUTO_CONFIGURATION)) {
			assertThat(Class.forName(name)).isNotNull();
		}
	}

	@Test
	void redisStoreUsesTheApplicationsConnectionFactoryWhenOrderedAfterDataRedis() {
		// listed first on purpose: only the afterName ordering lets @ConditionalOnBean see the connection factory
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(InteractorWebhookAutoConfiguration.class, DataRedisAutoConfiguration.class))
			.withPropertyValues("interactor.webhook.idempotency.store=redis")
			.run((context) -> {
				assertThat(context).hasSingleBean(RedisWebhookIdempotencyStore.class);
				assertThat(context).doesNotHaveBean(InMemoryWebhookIdempotencyStore.class);
			});
	}

	@Test
	void autoStoreIsRedisWhenTheApplicationHasAConnectionFactory(CapturedOutput output) {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(InteractorWebhookAutoConfiguration.class, DataRedisAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(RedisWebhookIdempotencyStore.class)
					.doesNotHaveBean(InMemoryWebhookIdempotencyStore.class);
				assertThat(context.getBean(InteractorProperties.class).getWebhook().getIdempotency().getStore())
					.isEqualTo(IdempotencyStoreType.AUTO);
			});
		assertThat(output).containsOnlyOnce("INFO  i.i.s.a.InteractorWebhookAutoConfiguration"
				+ " - Interactor webhook idempotency store: redis, shared by every instance, because "
				+ "interactor.webhook.idempotency.store=auto and the application has a RedisConnectionFactory bean");
	}

	@Test
	void autoStoreIsMemoryWithoutAConnectionFactory(CapturedOutput output) {
		this.runner.run((context) -> assertThat(context).hasSingleBean(InMemoryWebhookIdempotencyStore.class)
			.doesNotHaveBean(RedisWebhookIdempotencyStore.class));
		assertThat(output).containsOnlyOnce("Interactor webhook idempotency store: memory, correct for a single "
				+ "instance only (a redelivery reaching another instance is processed again), because "
				+ "interactor.webhook.idempotency.store=auto and the application has no RedisConnectionFactory bean");
	}

	@Test
	void autoStoreIsMemoryWithoutSpringDataRedis() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.run((context) -> assertThat(context).hasSingleBean(InMemoryWebhookIdempotencyStore.class));
	}

	@Test
	void memoryStoreCanBeForcedWithAConnectionFactory(CapturedOutput output) {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(InteractorWebhookAutoConfiguration.class, DataRedisAutoConfiguration.class))
			.withPropertyValues("interactor.webhook.idempotency.store=memory")
			.run((context) -> assertThat(context).hasSingleBean(InMemoryWebhookIdempotencyStore.class)
				.doesNotHaveBean(RedisWebhookIdempotencyStore.class));
		assertThat(output).contains("Interactor webhook idempotency store: memory")
			.contains("because interactor.webhook.idempotency.store=memory\n");
	}

	@Test
	void redisStoreWithoutAConnectionFactoryFailsNamingTheProperty() {
		this.runner.withPropertyValues("interactor.webhook.idempotency.store=redis").run((context) -> {
			assertThat(context).hasFailed();
			Throwable cause = NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
			assertThat(cause).isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("RedisConnectionFactory");
			assertThat(((InvalidConfigurationPropertyValueException) cause).getName())
				.isEqualTo("interactor.webhook.idempotency.store");
		});
	}

	@Test
	void userStoreWinsOverTheAutomaticChoice() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(InteractorWebhookAutoConfiguration.class, DataRedisAutoConfiguration.class))
			.withBean(WebhookIdempotencyStore.class, () -> new InMemoryWebhookIdempotencyStore(10,
					Duration.ofMinutes(1), Duration.ofMinutes(1), Clock.systemUTC()))
			.run((context) -> assertThat(context).hasSingleBean(WebhookIdempotencyStore.class)
				.doesNotHaveBean(RedisWebhookIdempotencyStore.class));
	}

	@Test
	void redisStoreWithoutSpringDataRedisFailsWithAHelpfulMessage() {
		this.runner.withClassLoader(new FilteredClassLoader(StringRedisTemplate.class))
			.withPropertyValues("interactor.webhook.idempotency.store=redis")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
					.hasMessageContaining("spring-boot-starter-data-redis")
					.hasMessageContaining("RedisConnectionFactory");
			});
	}

	@Test
	void servletApplicationGetsTheServletRouterFunction() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InteractorWebhookAutoConfiguration.class))
			.run((context) -> assertThat(context.getBean("interactorWebhookRouterFunction"))
				.isInstanceOf(org.springframework.web.servlet.function.RouterFunction.class));
	}

	@Test
	void reactiveApplicationGetsTheReactiveRouterFunction() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InteractorWebhookAutoConfiguration.class))
			.run((context) -> assertThat(context.getBean("interactorWebhookRouterFunction"))
				.isInstanceOf(org.springframework.web.reactive.function.server.RouterFunction.class));
	}

	@Test
	void servletApplicationWithoutSpringMvcGetsNoRouterFunction() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InteractorWebhookAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(org.springframework.web.servlet.function.RouterFunction.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean("interactorWebhookRouterFunction");
			});
	}

	@Test
	void reactiveApplicationWithoutWebFluxGetsNoRouterFunction() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InteractorWebhookAutoConfiguration.class))
			.withClassLoader(
					new FilteredClassLoader(org.springframework.web.reactive.function.server.RouterFunction.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean("interactorWebhookRouterFunction");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class Handler {

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		void handle(RoomMessageData data) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final WebhookSignatureVerifier VERIFIER = new HmacWebhookSignatureVerifier(List.of(Deliveries.SECRET),
				SignatureScheme.BODY, Duration.ofMinutes(1), Clock.systemUTC());

		static final WebhookIdempotencyStore STORE = new InMemoryWebhookIdempotencyStore(10, Duration.ofMinutes(1),
				Duration.ofMinutes(1), Clock.systemUTC());

		@Bean
		WebhookSignatureVerifier myVerifier() {
			return VERIFIER;
		}

		@Bean
		WebhookIdempotencyStore myStore() {
			return STORE;
		}

	}

}
