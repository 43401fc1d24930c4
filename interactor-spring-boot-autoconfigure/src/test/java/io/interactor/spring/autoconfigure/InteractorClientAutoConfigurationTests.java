package io.interactor.spring.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.auth.AccessToken;
import io.interactor.spring.client.auth.AccessTokenProvider;
import io.interactor.spring.client.auth.ClientCredentialsTokenProvider;
import io.interactor.spring.client.auth.TokenRequestFormat;
import io.interactor.spring.client.core.InteractorEnvironment;
import io.interactor.spring.test.PeerRequests;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import static io.interactor.spring.test.PeerRequests.enqueue;
import static io.interactor.spring.test.PeerRequests.json;
import static io.interactor.spring.test.PeerRequests.takeCore;
import static io.interactor.spring.test.PeerRequests.takeToken;
import static io.interactor.spring.test.PeerRequests.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class InteractorClientAutoConfigurationTests {

	private static final String ASSISTANT = "{\"data\":{\"id\":\"asst_1\"}}";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InteractorClientAutoConfiguration.class));

	private MockWebServer server;

	@BeforeEach
	void start() throws Exception {
		this.server = PeerRequests.start();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void startsWithoutCredentialsWhenNoOneInjectsTheClient() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeanFactory().containsBeanDefinition("interactorClient")).isTrue();
			assertThat(context.getBeanFactory().containsBeanDefinition("reactiveInteractorClient")).isTrue();
			assertThat(context).hasSingleBean(InteractorProperties.class);
		});
	}

	@Test
	void injectingTheClientWithoutCredentialsFailsNamingThePropertiesAndVariables() {
		this.runner.withUserConfiguration(ClientConsumer.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MissingInteractorCredentialsException.class)
				.hasMessageContaining("interactor.client-id")
				.hasMessageContaining("interactor.client-secret")
				.hasMessageContaining("INTERACTOR_CLIENT_ID")
				.hasMessageContaining("INTERACTOR_CLIENT_SECRET");
		});
	}

	@Test
	void missingSecretAloneIsNamed() {
		this.runner.withUserConfiguration(ClientConsumer.class)
			.withPropertyValues("interactor.client-id=client_1")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(MissingInteractorCredentialsException.class,
						(ex) -> assertThat(ex.getMissingProperties()).containsExactly("interactor.client-secret")));
	}

	@Test
	void createsBothClientsWhichCallTheConfiguredServer() {
		enqueue(this.server, token(1), json(200, ASSISTANT));
		this.runner.withPropertyValues(PeerRequests.springProperties(this.server)).run((context) -> {
			assertThat(context).hasSingleBean(InteractorClient.class).hasSingleBean(ReactiveInteractorClient.class);
			InteractorClient client = context.getBean(InteractorClient.class);
			assertThat(client.reactive()).isSameAs(context.getBean(ReactiveInteractorClient.class));
			assertThat(client.assistants().get("ns", "asst_1").id()).isEqualTo("asst_1");
			RecordedRequest token = takeToken(this.server);
			assertThat(token.getTarget()).isEqualTo("/auth/oauth/token");
			assertThat(token.getHeaders().get("Content-Type")).startsWith("application/json");
		});
	}

	@Test
	void tokenRequestFormatIsConfigurable() {
		enqueue(this.server, token(1), json(200, ASSISTANT));
		this.runner.withPropertyValues(PeerRequests.springProperties(this.server))
			.withPropertyValues("interactor.token.request-format=basic")
			.run((context) -> {
				context.getBean(InteractorClient.class).assistants().get("ns", "asst_1");
				assertThat(takeToken(this.server).getHeaders().get("Authorization")).startsWith("Basic ");
			});
	}

	@Test
	void backsOffToUserReactiveClientAndWrapsIt() {
		this.runner.withUserConfiguration(UserReactiveClient.class).run((context) -> {
			assertThat(context).hasSingleBean(ReactiveInteractorClient.class);
			assertThat(context.getBean(InteractorClient.class).reactive())
				.isSameAs(context.getBean("userReactiveClient"));
		});
	}

	@Test
	void backsOffToUserBlockingClient() {
		this.runner.withUserConfiguration(UserBlockingClient.class).run((context) -> {
			assertThat(context).hasSingleBean(InteractorClient.class);
			assertThat(context).getBean(InteractorClient.class).isSameAs(context.getBean("userBlockingClient"));
		});
	}

	@Test
	void bindsEveryProperty() {
		this.runner
			.withPropertyValues("interactor.client-id=client_1", "interactor.client-secret=s3cr3t",
					"interactor.scopes=rooms:read rooms:write", "interactor.environment=sandbox",
					"interactor.token.refresh-before-expiry=2m", "interactor.token.request-format=form",
					"interactor.http.connect-timeout=2s", "interactor.http.response-timeout=10s",
					"interactor.retry.max-retries=5", "interactor.retry.initial-backoff=200ms",
					"interactor.retry.max-backoff=5s", "interactor.retry.max-retry-after=20s",
					"interactor.webhook.secret=whsec_1", "interactor.webhook.previous-secrets=whsec_0,whsec_00",
					"interactor.webhook.max-payload-size=2MB", "interactor.webhook.idempotency.store=redis")
			.run((context) -> {
				InteractorProperties properties = context.getBean(InteractorProperties.class);
				assertThat(properties.getClientId()).isEqualTo("client_1");
				assertThat(properties.getScopes()).isEqualTo("rooms:read rooms:write");
				assertThat(properties.getEnvironment()).isEqualTo(InteractorEnvironment.SANDBOX);
				assertThat(properties.getToken().getRefreshBeforeExpiry()).isEqualTo(Duration.ofMinutes(2));
				assertThat(properties.getToken().getRequestFormat()).isEqualTo(TokenRequestFormat.FORM);
				assertThat(properties.getHttp().getConnectTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.getHttp().getResponseTimeout()).isEqualTo(Duration.ofSeconds(10));
				assertThat(properties.getRetry().getMaxRetries()).isEqualTo(5);
				assertThat(properties.getRetry().getInitialBackoff()).isEqualTo(Duration.ofMillis(200));
				assertThat(properties.getRetry().getMaxBackoff()).isEqualTo(Duration.ofSeconds(5));
				assertThat(properties.getRetry().getMaxRetryAfter()).isEqualTo(Duration.ofSeconds(20));
				assertThat(properties.getWebhook().getPreviousSecrets()).containsExactly("whsec_0", "whsec_00");
				assertThat(properties.getWebhook().getMaxPayloadSize()).isEqualTo(DataSize.ofMegabytes(2));
				assertThat(properties.toString()).doesNotContain("s3cr3t", "whsec_1", "whsec_0");
			});
	}

	@Test
	void defaultsMatchTheDocumentation() {
		this.runner.run((context) -> {
			InteractorProperties properties = context.getBean(InteractorProperties.class);
			assertThat(properties.determineAccountServerUrl()).isEqualTo("https://auth.interactor.com/api/v1");
			assertThat(properties.determineCoreApiUrl()).isEqualTo("https://core.interactor.com/api/v1");
			assertThat(properties.getToken().getRefreshBeforeExpiry()).isEqualTo(Duration.ofSeconds(60));
			assertThat(properties.getToken().getRequestFormat()).isEqualTo(TokenRequestFormat.JSON);
			// Unset, so that Spring Boot's spring.http.clients.* apply; without those, the starter's defaults.
			assertThat(properties.getHttp().getConnectTimeout()).isNull();
			assertThat(properties.getHttp().getResponseTimeout()).isNull();
			assertThat(InteractorProperties.Http.DEFAULT_CONNECT_TIMEOUT).isEqualTo(Duration.ofSeconds(5));
			assertThat(InteractorProperties.Http.DEFAULT_RESPONSE_TIMEOUT).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.getRetry().getMaxRetries()).isEqualTo(3);
			assertThat(properties.getRetry().getInitialBackoff()).isEqualTo(Duration.ofSeconds(1));
			assertThat(properties.getRetry().getMaxBackoff()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.getRetry().getMaxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
		});
	}

	@Test
	void sandboxPresetAndExplicitOverride() {
		this.runner.withPropertyValues("interactor.environment=sandbox").run((context) -> {
			InteractorProperties properties = context.getBean(InteractorProperties.class);
			assertThat(properties.determineAccountServerUrl()).isEqualTo("https://sandbox-auth.interactor.com/api/v1");
			assertThat(properties.determineCoreApiUrl()).isEqualTo("https://sandbox-core.interactor.com/api/v1");
		});
		this.runner
			.withPropertyValues("interactor.environment=sandbox", "interactor.core-api-url=https://eu.example.com/v1")
			.run((context) -> {
				InteractorProperties properties = context.getBean(InteractorProperties.class);
				assertThat(properties.determineCoreApiUrl()).isEqualTo("https://eu.example.com/v1");
				assertThat(properties.determineAccountServerUrl())
					.isEqualTo("https://sandbox-auth.interactor.com/api/v1");
			});
	}

	@Test
	void invalidBaseUrlFailsNamingTheProperty() {
		this.runner.withUserConfiguration(ClientConsumer.class)
			.withPropertyValues("interactor.client-id=a", "interactor.client-secret=b",
					"interactor.core-api-url=core.interactor.com/api/v1")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
						(ex) -> assertThat(ex.getName()).isEqualTo("interactor.core-api-url")));
	}

	@Test
	void customizersAreAppliedInOrder() {
		enqueue(this.server, token(1), json(200, ASSISTANT));
		this.runner.withUserConfiguration(OrderedCustomizers.class)
			.withPropertyValues(PeerRequests.springProperties(this.server))
			.withPropertyValues("interactor.core-api-url=https://unreachable.invalid/api/v1")
			.run((context) -> {
				context.getBean(InteractorClient.class).assistants().get("ns", "asst_1");
				assertThat(context.getBean(OrderedCustomizers.class).calls).containsExactly("first", "second");
				assertThat(takeCore(this.server).getHeaders().get("X-Customized")).isEqualTo("second");
			});
	}

	@Test
	void usesAClonedBootWebClientBuilderWithItsCustomizers() {
		enqueue(this.server, token(1), json(200, ASSISTANT));
		this.runner.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class))
			.withUserConfiguration(HeaderWebClientCustomizer.class)
			.withPropertyValues(PeerRequests.springProperties(this.server))
			.run((context) -> {
				context.getBean(InteractorClient.class).assistants().get("ns", "asst_1");
				assertThat(takeCore(this.server).getHeaders().get("X-From-Boot-Builder")).isEqualTo("yes");
				// The shared builder is not changed: a client built from it has none of our filters.
				enqueue(this.server, json(200, "{}"));
				context.getBean(WebClient.Builder.class)
					.build()
					.get()
					.uri(PeerRequests.coreApiUrl(this.server) + "/plain")
					.retrieve()
					.toBodilessEntity()
					.block();
				RecordedRequest plain = takeCore(this.server);
				assertThat(plain.getHeaders().get("Authorization")).isNull();
				assertThat(plain.getHeaders().get("X-Namespace")).isNull();
			});
	}

	@Test
	void worksWithoutAWebClientBuilderBean() {
		enqueue(this.server, token(1), json(200, ASSISTANT));
		this.runner.withPropertyValues(PeerRequests.springProperties(this.server)).run((context) -> {
			assertThat(context).doesNotHaveBean(WebClient.Builder.class);
			assertThat(context.getBean(InteractorClient.class).assistants().get("ns", "asst_1").id())
				.isEqualTo("asst_1");
		});
	}

	@Test
	void usesTheApplicationJsonMapper() {
		this.runner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
			.withPropertyValues(PeerRequests.springProperties(this.server))
			.run((context) -> assertThat(context.getBean(ReactiveInteractorClient.class).api().jsonMapper())
				.isSameAs(context.getBean(JsonMapper.class)));
	}

	@Test
	void userTokenProviderReplacesClientCredentials() {
		enqueue(this.server, json(200, ASSISTANT));
		this.runner.withUserConfiguration(UserTokenProvider.class)
			.withPropertyValues("interactor.core-api-url=" + PeerRequests.coreApiUrl(this.server))
			.run((context) -> {
				context.getBean(InteractorClient.class).assistants().get("ns", "asst_1");
				assertThat(takeCore(this.server).getHeaders().get("Authorization")).isEqualTo("Bearer shared-token");
				assertThat(this.server.getRequestCount()).as("no token request").isEqualTo(1);
			});
	}

	@Test
	void clientUsesTheAutoConfiguredTokenProviderBean() {
		this.runner.withPropertyValues(PeerRequests.springProperties(this.server)).run((context) -> {
			assertThat(context).hasSingleBean(ClientCredentialsTokenProvider.class)
				.hasSingleBean(PropertiesInteractorConnectionDetails.class);
			assertThat(context.getBean(ReactiveInteractorClient.class).tokenProvider())
				.isSameAs(context.getBean(AccessTokenProvider.class));
		});
	}

	@Test
	void noTokenProviderBeanWithoutCredentials() {
		this.runner.withPropertyValues("interactor.client-id=only-the-id").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(AccessTokenProvider.class);
			assertThat(context).hasSingleBean(InteractorConnectionDetails.class);
		});
	}

	@Test
	void userTokenProviderReplacesTheAutoConfiguredOneEvenWithCredentials() {
		enqueue(this.server, json(200, ASSISTANT));
		this.runner.withUserConfiguration(UserTokenProvider.class)
			.withPropertyValues(PeerRequests.springProperties(this.server))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ClientCredentialsTokenProvider.class)
					.hasSingleBean(AccessTokenProvider.class);
				context.getBean(InteractorClient.class).assistants().get("ns", "asst_1");
				assertThat(takeCore(this.server).getHeaders().get("Authorization")).isEqualTo("Bearer shared-token");
				assertThat(this.server.getRequestCount()).as("no token request").isEqualTo(1);
			});
	}

	@Test
	void userConnectionDetailsReplaceThePropertiesAndEnableTheTokenProvider() {
		enqueue(this.server, token(1), json(200, ASSISTANT));
		this.runner.withBean(InteractorConnectionDetails.class, () -> new TestConnectionDetails(this.server))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PropertiesInteractorConnectionDetails.class)
					.hasSingleBean(ClientCredentialsTokenProvider.class);
				assertThat(context.getBean(InteractorClient.class).assistants().get("ns", "asst_1").id())
					.isEqualTo("asst_1");
				assertThat(takeToken(this.server).getBody().utf8()).contains(PeerRequests.CLIENT_ID);
				assertThat(takeCore(this.server).getTarget()).isEqualTo("/api/v1/assistants/asst_1");
			});
	}

	@Test
	void credentialsOfConnectionDetailsAreTrimmed() throws Exception {
		enqueue(this.server, token(1), json(200, ASSISTANT));
		this.runner.withBean(InteractorConnectionDetails.class, () -> new TestConnectionDetails(this.server) {
			@Override
			public String getClientId() {
				return " " + PeerRequests.CLIENT_ID + "\t";
			}

			@Override
			public String getClientSecret() {
				return PeerRequests.CLIENT_SECRET + "\r\n";
			}
		}).run((context) -> {
			context.getBean(InteractorClient.class).assistants().get("ns", "asst_1");
			JsonNode body = JsonMapper.builder().build().readTree(takeToken(this.server).getBody().utf8());
			assertThat(body.get("client_id").asString()).isEqualTo(PeerRequests.CLIENT_ID);
			assertThat(body.get("client_secret").asString()).isEqualTo(PeerRequests.CLIENT_SECRET);
		});
	}

	@Test
	void userConnectionDetailsWithAPlaceholderFailAtStartupThoughTheClientIsLazy() {
		this.runner.withBean(InteractorConnectionDetails.class, () -> new TestConnectionDetails(this.server) {
			@Override
			public String getCoreApiUrl() {
				return "${CORE_URL_NOT_RESOLVED}/api/v1";
			}
		})
			.run((context) -> assertThat(context.getStartupFailure())
				.isInstanceOf(UnresolvedInteractorPlaceholderException.class)
				.hasMessageContaining("coreApiUrl contains a placeholder that is not resolved"));
	}

	@Test
	void userConnectionDetailsWithAnInvalidUrlFailNamingTheBean() {
		this.runner.withUserConfiguration(ClientConsumer.class)
			.withBean(InteractorConnectionDetails.class, () -> new TestConnectionDetails(this.server) {
				@Override
				public String getCoreApiUrl() {
					return "core.example.com/api/v1";
				}
			})
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("The InteractorConnectionDetails bean (")
				.rootCause()
				.isInstanceOf(IllegalArgumentException.class));
	}

	@Test
	void noClientWithoutWebClientOnTheClasspath() {
		this.runner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.withPropertyValues(PeerRequests.springProperties(this.server))
			.run((context) -> assertThat(context).doesNotHaveBean(InteractorClient.class)
				.doesNotHaveBean(ReactiveInteractorClient.class));
	}

	@Test
	void afterNamesReferToExistingAutoConfigurations() {
		String[] names = InteractorClientAutoConfiguration.class.getAnnotation(AutoConfiguration.class).afterName();
		assertThat(names).containsExactlyInAnyOrder(WebClientAutoConfiguration.class.getName(),
				JacksonAutoConfiguration.class.getName());
		for (String name : names) {
			assertThatNoException().isThrownBy(() -> Class.forName(name));
		}
	}

	@Test
	void orderingAppliesWhenAutoConfigurationsAreListedInReverse() {
		enqueue(this.server, token(1), json(200, ASSISTANT));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InteractorClientAutoConfiguration.class,
					JacksonAutoConfiguration.class, WebClientAutoConfiguration.class))
			.withUserConfiguration(HeaderWebClientCustomizer.class)
			.withPropertyValues(PeerRequests.springProperties(this.server))
			.run((context) -> {
				List<String> names = List.of(context.getBeanDefinitionNames());
				assertThat(names.indexOf(InteractorClientAutoConfiguration.class.getName()))
					.isGreaterThan(names.indexOf(WebClientAutoConfiguration.class.getName()))
					.isGreaterThan(names.indexOf(JacksonAutoConfiguration.class.getName()));
				context.getBean(InteractorClient.class).assistants().get("ns", "asst_1");
				assertThat(takeCore(this.server).getHeaders().get("X-From-Boot-Builder")).isEqualTo("yes");
			});
	}

	@Test
	void failureAnalyzerExplainsMissingCredentials() {
		MissingInteractorCredentialsException ex = new MissingInteractorCredentialsException(
				List.of("interactor.client-id", "interactor.client-secret"));
		var analysis = new MissingInteractorCredentialsFailureAnalyzer()
			.analyze(new BeanCreationException("interactorClient", "failed", ex));
		assertThat(analysis.getDescription()).contains("interactor.client-id and interactor.client-secret are not set");
		assertThat(analysis.getAction()).contains("INTERACTOR_CLIENT_ID", "INTERACTOR_CLIENT_SECRET");
	}

	@Test
	void lazyBeanRequestedLaterFailsWithTheSameClearError() {
		this.runner.run((context) -> assertThatExceptionOfType(BeanCreationException.class)
			.isThrownBy(() -> context.getBean(ReactiveInteractorClient.class))
			.havingRootCause()
			.isInstanceOf(MissingInteractorCredentialsException.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class ClientConsumer {

		@Bean
		String consumer(InteractorClient client) {
			return "uses " + client;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserReactiveClient {

		@Bean
		ReactiveInteractorClient userReactiveClient() {
			return ReactiveInteractorClient.builder().credentials("x", "y").build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserBlockingClient {

		@Bean
		InteractorClient userBlockingClient() {
			return new InteractorClient(ReactiveInteractorClient.builder().credentials("x", "y").build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedCustomizers {

		final List<String> calls = new CopyOnWriteArrayList<>();

		@Bean
		@Order(2)
		InteractorClientCustomizer second() {
			return (builder) -> {
				this.calls.add("second");
				builder.webClientBuilder(WebClient.builder().defaultHeader("X-Customized", "second"));
			};
		}

		@Bean
		@Order(1)
		InteractorClientCustomizer first(InteractorTestServerUrl url) {
			return (builder) -> {
				this.calls.add("first");
				builder.coreApiUrl(url.value());
				builder.webClientBuilder(WebClient.builder().defaultHeader("X-Customized", "first"));
			};
		}

		@Bean
		InteractorTestServerUrl url(org.springframework.core.env.Environment environment) {
			return new InteractorTestServerUrl(environment.getProperty("interactor.account-server-url")
				.replace("/auth", "/api/v1"));
		}

	}

	record InteractorTestServerUrl(String value) {
	}

	@Configuration(proxyBeanMethods = false)
	static class HeaderWebClientCustomizer {

		@Bean
		WebClientCustomizer headerCustomizer() {
			return (builder) -> builder.defaultHeader("X-From-Boot-Builder", "yes");
		}

	}

	static class TestConnectionDetails implements InteractorConnectionDetails {

		private final MockWebServer server;

		TestConnectionDetails(MockWebServer server) {
			this.server = server;
		}

		@Override
		public String getAccountServerUrl() {
			return PeerRequests.accountServerUrl(this.server);
		}

		@Override
		public String getCoreApiUrl() {
			return PeerRequests.coreApiUrl(this.server);
		}

		@Override
		public String getClientId() {
			return PeerRequests.CLIENT_ID;
		}

		@Override
		public String getClientSecret() {
			return PeerRequests.CLIENT_SECRET;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserTokenProvider {

		@Bean
		AccessTokenProvider sharedTokenProvider() {
			return new AccessTokenProvider() {
				@Override
				public Mono<AccessToken> getToken() {
					return Mono.just(new AccessToken("shared-token", Instant.now(), Instant.now().plusSeconds(600),
							null));
				}

				@Override
				public void invalidate(AccessToken token) {
				}
			};
		}

	}

}
