package io.interactor.spring.actuate;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.interactor.spring.autoconfigure.InteractorClientAutoConfiguration;
import io.interactor.spring.autoconfigure.InteractorConnectionDetails;
import io.interactor.spring.autoconfigure.InteractorHealthContributorAutoConfiguration;
import io.interactor.spring.autoconfigure.InteractorWebhookAutoConfiguration;
import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.auth.AccessToken;
import io.interactor.spring.client.auth.AccessTokenProvider;
import io.interactor.spring.test.Deliveries;
import io.interactor.spring.test.PeerRequests;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.RoomMessageData;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import static io.interactor.spring.test.PeerRequests.json;
import static io.interactor.spring.test.PeerRequests.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code interactor} health contributor against a real token endpoint (mockwebserver3).
 */
class InteractorHealthTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InteractorClientAutoConfiguration.class,
				InteractorWebhookAutoConfiguration.class, InteractorHealthContributorAutoConfiguration.class))
		.withPropertyValues("interactor.retry.max-retries=0");

	private final BlockingQueue<MockResponse> tokenResponses = new LinkedBlockingQueue<>();

	private MockWebServer server;

	@BeforeEach
	void start() throws IOException {
		this.server = startTokenEndpoint();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	/** The token endpoint: a queued answer if there is one, else a fresh {@code token-<n>} for the n-th request. */
	private MockWebServer startTokenEndpoint() throws IOException {
		MockWebServer server = new MockWebServer();
		AtomicInteger requests = new AtomicInteger();
		server.setDispatcher(new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				int n = requests.incrementAndGet();
				MockResponse queued = InteractorHealthTests.this.tokenResponses.poll();
				return (queued != null) ? queued : token(n);
			}

		});
		server.start(InetAddress.getLoopbackAddress(), 0);
		return server;
	}


	private ApplicationContextRunner withCredentials() {
		return this.runner.withPropertyValues("interactor.client-id=" + PeerRequests.CLIENT_ID,
				"interactor.client-secret=" + PeerRequests.CLIENT_SECRET,
				"interactor.account-server-url=" + PeerRequests.accountServerUrl(this.server),
				"interactor.core-api-url=" + PeerRequests.coreApiUrl(this.server));
	}

	static Health part(AssertableApplicationContext context, String name) {
		CompositeHealthContributor interactor = context.getBean("interactorHealthContributor",
				CompositeHealthContributor.class);
		return ((HealthIndicator) interactor.getContributor(name)).health();
	}

	@Test
	void upWithTokenDetailsAndNoTokenRequestWhileTheCachedTokenIsValid() {
		withCredentials().run((context) -> {
			Health first = part(context, "client");
			assertThat(first.getStatus()).isEqualTo(Status.UP);
			assertThat(first.getDetails()).containsEntry("configured", true)
				.containsEntry("tokenValid", true)
				.containsKeys("expiresInSeconds", "lastTokenLatencyMs");
			assertThat((long) first.getDetails().get("expiresInSeconds")).isBetween(1L, 900L);
			assertThat(this.server.getRequestCount()).isEqualTo(1);
			Health second = part(context, "client");
			assertThat(second.getStatus()).isEqualTo(Status.UP);
			assertThat(this.server.getRequestCount()).isEqualTo(1);
			assertThat(first.toString() + second).doesNotContain("token-1")
				.doesNotContain(PeerRequests.CLIENT_SECRET);
		});
	}

	@Test
	void healthUsesTheTokenTheClientAlreadyHas() {
		withCredentials().run((context) -> {
			context.getBean(ReactiveInteractorClient.class).tokenProvider().getToken().block();
			assertThat(part(context, "client").getStatus()).isEqualTo(Status.UP);
			assertThat(this.server.getRequestCount()).isEqualTo(1);
		});
	}

	@Test
	void downWithTheErrorCodeWhenTheTokenIsRefused() {
		this.tokenResponses.add(
				json(401, "{\"error\":{\"code\":\"invalid_client\",\"message\":\"Client authentication failed\"}}"));
		withCredentials().run((context) -> {
			Health health = part(context, "client");
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("error", "invalid_client")
				.containsEntry("tokenValid", false)
				.containsKey("lastTokenLatencyMs");
			assertThat(health.toString()).doesNotContain(PeerRequests.CLIENT_SECRET)
				.doesNotContain("Client authentication failed");
			// the failure is not cached: once the endpoint answers again, so does health
			assertThat(part(context, "client").getStatus()).isEqualTo(Status.UP);
			assertThat(this.server.getRequestCount()).isEqualTo(2);
		});
	}

	@Test
	void downWithNetworkErrorWhenTheTokenEndpointIsUnreachable() {
		String accountServerUrl = PeerRequests.accountServerUrl(this.server);
		this.server.close();
		this.runner
			.withPropertyValues("interactor.client-id=id", "interactor.client-secret=secret",
					"interactor.account-server-url=" + accountServerUrl)
			.run((context) -> {
				Health health = part(context, "client");
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("error", "network_error");
			});
	}

	@Test
	void webhookOnlyApplicationReportsTheClientAsNotConfiguredWithoutCreatingIt() {
		this.runner.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET)
			.withUserConfiguration(Handler.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Health client = part(context, "client");
				assertThat(client.getStatus()).isEqualTo(Status.UNKNOWN);
				assertThat(client.getDetails()).containsEntry("configured", false);
				// creating the lazy client without credentials would throw; health must not have tried
				assertThat(context.getBeanFactory().containsSingleton("reactiveInteractorClient")).isFalse();
				assertThat(context).doesNotHaveBean(AccessTokenProvider.class);
				Health webhooks = part(context, "webhooks");
				assertThat(webhooks.getStatus()).isEqualTo(Status.UP);
				assertThat(webhooks.getDetails()).containsEntry("secretConfigured", true)
					.containsEntry("handlerCount", 1)
					.containsEntry("idempotencyStore", "memory")
					.doesNotContainKey("redisReachable");
				assertThat(webhooks.toString()).doesNotContain(Deliveries.SECRET);
				assertThat(this.server.getRequestCount()).isZero();
			});
	}

	@Test
	void userAccessTokenProviderCountsAsConfigured() {
		this.runner.withUserConfiguration(UserTokenProvider.class).run((context) -> {
			Health health = part(context, "client");
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("tokenValid", true)
				.doesNotContainKey("lastTokenLatencyMs");
			assertThat(this.server.getRequestCount()).isZero();
		});
	}

	@Test
	void credentialsFromConnectionDetailsCountAsConfigured() {
		this.runner.withBean(InteractorConnectionDetails.class, () -> new InteractorConnectionDetails() {

			@Override
			public String getAccountServerUrl() {
				return PeerRequests.accountServerUrl(InteractorHealthTests.this.server);
			}

			@Override
			public String getCoreApiUrl() {
				return PeerRequests.coreApiUrl(InteractorHealthTests.this.server);
			}

			@Override
			public String getClientId() {
				return PeerRequests.CLIENT_ID;
			}

			@Override
			public String getClientSecret() {
				return PeerRequests.CLIENT_SECRET;
			}

		}).run((context) -> {
			assertThat(part(context, "client").getStatus()).isEqualTo(Status.UP);
			assertThat(this.server.getRequestCount()).isEqualTo(1);
		});
	}

	@Test
	void clientPartIsOmittedWithoutWebClient() {
		this.runner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET)
			.run((context) -> {
				CompositeHealthContributor interactor = context.getBean("interactorHealthContributor",
						CompositeHealthContributor.class);
				assertThat(interactor.getContributor("client")).isNull();
				assertThat(interactor.getContributor("webhooks")).isNotNull();
			});
	}

	@Test
	void webhookPartWorksWithoutSpringDataRedis() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET)
			.run((context) -> {
				Health webhooks = part(context, "webhooks");
				assertThat(webhooks.getStatus()).isEqualTo(Status.UP);
				assertThat(webhooks.getDetails()).containsEntry("idempotencyStore", "memory")
					.doesNotContainKey("redisReachable");
			});
	}

	@Test
	void noContributorWithoutSpringBootHealth() {
		withCredentials().withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean("interactorHealthContributor")
				.hasSingleBean(InteractorClient.class));
	}

	@Test
	void disabledWithManagementHealthInteractorEnabledFalse() {
		withCredentials().withPropertyValues("management.health.interactor.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("interactorHealthContributor"));
	}

	@Test
	void disabledWithManagementHealthDefaultsEnabledFalse() {
		withCredentials().withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("interactorHealthContributor"));
	}

	@Test
	void userContributorNamedInteractorHealthContributorWins() {
		withCredentials()
			.withBean("interactorHealthContributor", HealthIndicator.class, () -> () -> Health.up().build())
			.run((context) -> assertThat(context.getBean("interactorHealthContributor"))
				.isNotInstanceOf(CompositeHealthContributor.class));
	}

	@Test
	void redisStoreUnreachableIsReportedDown() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		this.runner
			.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET,
					"interactor.webhook.idempotency.store=redis")
			.withBean(org.springframework.data.redis.connection.RedisConnectionFactory.class,
					() -> RedisFactories.lettuce("127.0.0.1", closedPort))
			.run((context) -> {
				Health webhooks = part(context, "webhooks");
				assertThat(webhooks.getStatus()).isEqualTo(Status.DOWN);
				assertThat(webhooks.getDetails()).containsEntry("idempotencyStore", "redis")
					.containsEntry("redisReachable", false);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class Handler {

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		void onMessage(RoomMessageData data) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserTokenProvider {

		@Bean
		AccessTokenProvider userTokenProvider() {
			return new AccessTokenProvider() {

				@Override
				public Mono<AccessToken> getToken() {
					Instant now = Instant.now();
					return Mono.just(new AccessToken("user-token", now, now.plusSeconds(600), null));
				}

				@Override
				public void invalidate(AccessToken token) {
				}

			};
		}

	}

}
