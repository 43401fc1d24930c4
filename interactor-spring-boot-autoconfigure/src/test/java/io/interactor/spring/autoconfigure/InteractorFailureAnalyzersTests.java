package io.interactor.spring.autoconfigure;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.test.Deliveries;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.MissingWebhookSecretException;
import io.interactor.spring.webhook.dispatch.UnresolvableWebhookParameterException;
import io.interactor.spring.webhook.dispatch.WebhookDispatcher;
import io.interactor.spring.webhook.dispatch.WebhookOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Each Interactor failure analyzer, on the exception a real failing application start throws and in the report
 * Spring Boot prints for it.
 */
@ExtendWith(OutputCaptureExtension.class)
class InteractorFailureAnalyzersTests {

	@Test
	void clientInjectedWithoutCredentials(CapturedOutput output) {
		Throwable failure = start(ClientConsumerApp.class);
		FailureAnalysis analysis = analyze(failure);
		assertThat(analysis.getDescription()).isEqualTo("The Interactor client was injected, but "
				+ "interactor.client-id and interactor.client-secret are not set.");
		assertThat(analysis.getAction()).contains("INTERACTOR_CLIENT_ID=<client id>",
				"INTERACTOR_CLIENT_SECRET=<client secret>", "interactor.client-id and interactor.client-secret",
				"InteractorConnectionDetails", "AccessTokenProvider");
		assertThat(output).contains("APPLICATION FAILED TO START", analysis.getDescription());
	}

	@Test
	void webhookHandlersWithoutSecret(CapturedOutput output) {
		Throwable failure = start(HandlerApp.class);
		assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
			.isInstanceOf(MissingWebhookSecretException.class);
		FailureAnalysis analysis = analyze(failure);
		assertThat(analysis.getDescription()).isEqualTo("1 @InteractorWebhook handler method was found, but no "
				+ "webhook signing secret is configured, so no delivery could be verified.");
		assertThat(analysis.getAction()).contains("INTERACTOR_WEBHOOK_SECRET=<webhook secret>",
				"interactor.webhook.secret", "interactor.webhook.enabled=false");
		assertThat(output).contains("APPLICATION FAILED TO START", analysis.getDescription(),
				"INTERACTOR_WEBHOOK_SECRET=<webhook secret>");
	}

	@Test
	void unresolvableHandlerParameter(CapturedOutput output) {
		Throwable failure = start(UnresolvableHandlerApp.class, "interactor.webhook.secret=whsec_analyzer_test");
		assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
			.isInstanceOf(UnresolvableWebhookParameterException.class);
		FailureAnalysis analysis = analyze(failure);
		assertThat(analysis.getDescription()).isEqualTo("Parameter 1 of type java.lang.Thread of the "
				+ "@InteractorWebhook method " + UnresolvableHandler.class.getName() + ".onMessage (bean 'handler') cannot be resolved "
				+ "for a webhook delivery.");
		assertThat(analysis.getAction()).contains("WebhookEvent<T>", "HttpHeaders",
				"WebhookArgumentResolver bean that supports java.lang.Thread");
		assertThat(output).contains(analysis.getDescription()).doesNotContain("whsec_analyzer_test");
	}

	@Test
	void invalidCoreApiUrlGetsTheInteractorSpecificAnalysis(CapturedOutput output) {
		Throwable failure = start(ClientConsumerApp.class, "interactor.client-id=id",
				"interactor.client-secret=secret", "interactor.core-api-url=core.example.com/api/v1");
		assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
			.isInstanceOf(InvalidConfigurationPropertyValueException.class);
		FailureAnalysis analysis = analyze(failure);
		assertThat(analysis.getDescription()).isEqualTo("The Interactor Core API base URL 'core.example.com/api/v1' "
				+ "set with interactor.core-api-url is not an absolute http(s) URL.");
		assertThat(analysis.getAction()).contains("INTERACTOR_CORE_API_URL", "interactor.core-api-url",
				"production: https://core.interactor.com/api/v1",
				"sandbox: https://sandbox-core.interactor.com/api/v1");
		// Spring Boot's generic analyzer would say "Review the value of the property with the provided reason."
		assertThat(output).contains("APPLICATION FAILED TO START", "INTERACTOR_CORE_API_URL")
			.doesNotContain("Review the value of the property");
	}

	@Test
	void invalidAccountServerUrlNamesItsVariable() {
		FailureAnalysis analysis = analyze(new InvalidConfigurationPropertyValueException(
				"interactor.account-server-url", "ftp://auth", "It must be an absolute http(s) URL."));
		assertThat(analysis.getAction()).contains("INTERACTOR_ACCOUNT_SERVER_URL",
				"production: https://auth.interactor.com/api/v1");
	}

	@Test
	void unknownSslBundleNamesThePropertyAndWhereToDefineTheBundle(CapturedOutput output) {
		Throwable failure = start(ClientConsumerApp.class, "interactor.client-id=id",
				"interactor.client-secret=secret", "interactor.http.ssl.bundle=corporate-ca");
		assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
			.isInstanceOf(InvalidConfigurationPropertyValueException.class);
		FailureAnalysis analysis = analyze(failure);
		assertThat(analysis.getDescription()).contains("interactor.http.ssl.bundle", "corporate-ca",
				"spring.ssl.bundle.pem.corporate-ca");
		assertThat(output).contains("APPLICATION FAILED TO START", "interactor.http.ssl.bundle");
	}

	@Test
	void otherInvalidPropertiesAreLeftToSpringBootsAnalyzer() {
		InvalidConfigurationPropertyValueException other = new InvalidConfigurationPropertyValueException(
				"server.port", "x", "Not a port");
		assertThat(new InvalidInteractorUrlFailureAnalyzer().analyze(other)).isNull();
		assertThat(analyze(other).getAction()).contains("Review the value of the property");
	}

	@Test
	void webhookSecretThatIsAnUnresolvedPlaceholderFailsTheStart(CapturedOutput output) {
		assumeTrue(System.getenv("INTERACTOR_WEBHOOK_SECRET") == null, "INTERACTOR_WEBHOOK_SECRET is set");
		// The README's application.yml with the variable unset: the placeholder text must not become the secret.
		Throwable failure = start(HandlerApp.class, "interactor.webhook.secret=${INTERACTOR_WEBHOOK_SECRET}");
		assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
			.isInstanceOf(UnresolvedInteractorPlaceholderException.class);
		FailureAnalysis analysis = analyze(failure);
		assertThat(analysis.getDescription()).contains(
				"interactor.webhook.secret refers to ${INTERACTOR_WEBHOOK_SECRET}, which is not set");
		assertThat(analysis.getAction()).contains("INTERACTOR_WEBHOOK_SECRET=<value>   (interactor.webhook.secret)",
				"${INTERACTOR_CLIENT_ID:}");
		assertThat(output).contains("APPLICATION FAILED TO START", "interactor.webhook.secret refers to");
	}

	@Test
	void clientCredentialPlaceholdersFailTheStartOfAnAppThatNeverInjectsTheClient() {
		Throwable failure = start(EmptyApp.class, "interactor.client-id=${UNSET_INTERACTOR_TEST_CLIENT_ID}",
				"interactor.client-secret=${UNSET_INTERACTOR_TEST_CLIENT_SECRET}",
				"interactor.core-api-url=${UNSET_INTERACTOR_TEST_CORE_URL}");
		FailureAnalysis analysis = analyze(failure);
		assertThat(analysis.getDescription()).contains(
				"interactor.client-id refers to ${UNSET_INTERACTOR_TEST_CLIENT_ID}, which is not set",
				"interactor.client-secret refers to ${UNSET_INTERACTOR_TEST_CLIENT_SECRET}, which is not set",
				"interactor.core-api-url refers to ${UNSET_INTERACTOR_TEST_CORE_URL}, which is not set");
		assertThat(analysis.getAction()).contains(
				"INTERACTOR_CLIENT_ID=<value>   (interactor.client-id; or define UNSET_INTERACTOR_TEST_CLIENT_ID",
				"INTERACTOR_CLIENT_SECRET=<value>", "INTERACTOR_CORE_API_URL=<value>");
	}

	@Test
	void partlyResolvedSecretIsReportedWithoutItsValue(CapturedOutput output) {
		Throwable failure = start(HandlerApp.class, "interactor.webhook.secret=whsec_resolved_part_${UNSET_SUFFIX}",
				"interactor.webhook.previous-secrets=whsec_previous_ok,${INTERACTOR_WEBHOOK_SECRET_OLD_UNSET_TEST}",
				"interactor.http.proxy.password=proxy_pw_${UNSET_PW}");
		FailureAnalysis analysis = analyze(failure);
		assertThat(analysis.getDescription()).contains(
				"interactor.webhook.secret contains a placeholder that is not resolved",
				"interactor.webhook.previous-secrets[1] refers to ${INTERACTOR_WEBHOOK_SECRET_OLD_UNSET_TEST}",
				"interactor.http.proxy.password contains a placeholder that is not resolved");
		assertThat(analysis.getAction()).contains("INTERACTOR_WEBHOOK_SECRET_PREVIOUS=<value>",
				"INTERACTOR_HTTP_PROXY_PASSWORD=<value>");
		assertThat(analysis.getDescription() + analysis.getAction() + failure.getMessage() + output)
			.contains("APPLICATION FAILED TO START")
			.doesNotContain("whsec_resolved_part")
			.doesNotContain("UNSET_SUFFIX")
			.doesNotContain("whsec_previous_ok")
			.doesNotContain("proxy_pw_");
	}

	@Test
	void connectionDetailsBeanWithAPlaceholderFailsTheStartWithoutTheClientBeingInjected() {
		Throwable failure = start(PlaceholderConnectionDetailsApp.class);
		UnresolvedInteractorPlaceholderException cause = (UnresolvedInteractorPlaceholderException) NestedExceptionUtils
			.getMostSpecificCause(failure);
		assertThat(cause.getValues()).extracting(UnresolvedInteractorPlaceholderException.UnresolvedValue::name)
			.containsExactly("clientSecret");
		FailureAnalysis analysis = analyze(failure);
		assertThat(analysis.getDescription()).contains("the InteractorConnectionDetails bean 'vaultConnectionDetails'",
				"clientSecret refers to ${VAULT_INTERACTOR_SECRET}, which is not set");
		assertThat(analysis.getAction()).contains("return resolved values");
	}

	@Test
	void blankWebhookSecretCountsAsNotSet() {
		Throwable failure = start(HandlerApp.class, "interactor.webhook.secret=   ");
		assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
			.isInstanceOf(MissingWebhookSecretException.class);
	}

	@Test
	void placeholderWithAnEmptyDefaultCountsAsNotSet() {
		// The documented way to make a variable optional: an unset one then behaves like no value at all.
		Throwable failure = start(ClientConsumerApp.class, "interactor.client-id=${UNSET_INTERACTOR_TEST_CLIENT_ID:}",
				"interactor.client-secret=${UNSET_INTERACTOR_TEST_CLIENT_SECRET:}");
		assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
			.isInstanceOf(MissingInteractorCredentialsException.class);
	}

	@Test
	void webhookHandlersInANonWebApplicationFailTheStartInsteadOfExitingSilently(CapturedOutput output) {
		Throwable failure = start(HandlerApp.class, "interactor.webhook.secret=whsec_analyzer_test");
		assertThat(failure).isInstanceOf(WebhookHandlersWithoutWebApplicationException.class);
		FailureAnalysis analysis = analyze(failure);
		assertThat(analysis.getDescription()).isEqualTo("1 @InteractorWebhook handler method was found, but the "
				+ "application is not a web application, so no endpoint can receive webhook deliveries (the "
				+ "Interactor starter brings no web server).");
		assertThat(analysis.getAction()).contains("spring-boot-starter-webmvc", "spring-boot-starter-webflux",
				"interactor.webhook.enabled=false", "interactor.webhook.require-web-application=false");
		assertThat(output).contains("APPLICATION FAILED TO START", "spring-boot-starter-webmvc")
			.doesNotContain("whsec_analyzer_test");
	}

	@Test
	void nonWebApplicationMayDispatchDeliveriesItselfWhenItSaysSo() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HandlerApp.class)
			.web(WebApplicationType.NONE)
			.properties("interactor.webhook.secret=" + Deliveries.SECRET, "interactor.webhook.idempotency.store=memory",
					"interactor.webhook.require-web-application=false")
			.run()) {
			String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED);
			assertThat(context.getBean(WebhookDispatcher.class)
				.dispatch(Deliveries.sign(body), Deliveries.bytes(body))
				.result()).isEqualTo(WebhookOutcome.Result.PROCESSED);
			assertThat(context.getBean(Handler.class).calls).hasValue(1);
		}
	}

	@Test
	void nonWebApplicationWithHandlersStartsWhenWebhooksAreDisabled() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HandlerApp.class)
			.web(WebApplicationType.NONE)
			.properties("interactor.webhook.enabled=false")
			.run()) {
			assertThat(context.getBeanProvider(WebhookDispatcher.class).getIfAvailable()).isNull();
		}
	}

	private static Throwable start(Class<?> app, String... properties) {
		List<Throwable> failure = new java.util.ArrayList<>();
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(app).web(WebApplicationType.NONE)
			.properties(properties)
			.run()
			.close()).satisfies(failure::add);
		return failure.get(0);
	}

	/**
	 * What Spring Boot reports: the first analysis of the registered analyzers, in their order.
	 */
	private static FailureAnalysis analyze(Throwable failure) {
		ArgumentResolver arguments = ArgumentResolver.of(Environment.class, new StandardEnvironment());
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, arguments, SpringFactoriesLoader.FailureHandler.logging(
					org.apache.commons.logging.LogFactory.getLog(InteractorFailureAnalyzersTests.class)));
		AnnotationAwareOrderComparator.sort(analyzers);
		for (FailureAnalyzer analyzer : analyzers) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				return analysis;
			}
		}
		throw new AssertionError("No analysis for " + failure);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ClientConsumerApp {

		@Bean
		String consumer(InteractorClient client) {
			return "uses " + client;
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class EmptyApp {

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class PlaceholderConnectionDetailsApp {

		@Bean
		InteractorConnectionDetails vaultConnectionDetails() {
			return new InteractorConnectionDetails() {

				@Override
				public String getAccountServerUrl() {
					return "https://auth.example.com/api/v1";
				}

				@Override
				public String getCoreApiUrl() {
					return "https://core.example.com/api/v1";
				}

				@Override
				public String getClientId() {
					return "client_from_vault";
				}

				@Override
				public String getClientSecret() {
					return "${VAULT_INTERACTOR_SECRET}";
				}

			};
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class HandlerApp {

		@Bean
		Handler handler() {
			return new Handler();
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class UnresolvableHandlerApp {

		@Bean
		UnresolvableHandler handler() {
			return new UnresolvableHandler();
		}

	}

	static class Handler {

		final AtomicInteger calls = new AtomicInteger();

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		void onMessage(io.interactor.spring.webhook.RoomMessageData data) {
			this.calls.incrementAndGet();
		}

	}

	static class UnresolvableHandler {

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		void onMessage(io.interactor.spring.webhook.RoomMessageData data, Thread notAWebhookArgument) {
		}

	}

}
