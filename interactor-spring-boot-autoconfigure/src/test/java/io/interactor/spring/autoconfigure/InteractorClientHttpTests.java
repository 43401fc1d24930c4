package io.interactor.spring.autoconfigure;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.auth.AccessTokenProvider;
import io.interactor.spring.client.auth.ClientCredentialsTokenProvider;
import io.interactor.spring.client.error.InteractorNetworkException;
import io.interactor.spring.test.PeerRequests;
import mockwebserver3.MockWebServer;
import io.interactor.spring.test.ConnectProxy;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.transport.ProxyProvider;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;

import static io.interactor.spring.test.PeerRequests.enqueue;
import static io.interactor.spring.test.PeerRequests.json;
import static io.interactor.spring.test.PeerRequests.takeCore;
import static io.interactor.spring.test.PeerRequests.takeToken;
import static io.interactor.spring.test.PeerRequests.token;
import static io.interactor.spring.test.PeerRequests.jsonBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The transport of the auto-configured client against real HTTP peers: Spring Boot's HTTP client settings and
 * connector builder, SSL bundles, proxies, and one connector for the token and Core API calls.
 */
class InteractorClientHttpTests {

	private static final String ASSISTANT = "{\"data\":{\"id\":\"asst_1\"}}";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				InteractorClientAutoConfiguration.class))
		// Context close would wait for the quiet period of the Reactor Netty resources.
		.withPropertyValues("interactor.retry.max-retries=0", "spring.reactor.netty.shutdown-quiet-period=0s");

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
	void selfSignedServerIsTrustedThroughTheSslBundleOnly() throws Exception {
		HeldCertificate certificate = new HeldCertificate.Builder().addSubjectAlternativeName("localhost")
			.addSubjectAlternativeName("127.0.0.1")
			.addSubjectAlternativeName(InetAddress.getLoopbackAddress().getCanonicalHostName())
			.build();
		try (MockWebServer tls = new MockWebServer()) {
			tls.useHttps(new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslSocketFactory());
			tls.setDispatcher(new TokenAndAssistant());
			tls.start();
			ApplicationContextRunner tlsRunner = this.runner.withPropertyValues(
					"interactor.client-id=" + PeerRequests.CLIENT_ID,
					"interactor.client-secret=" + PeerRequests.CLIENT_SECRET,
					"interactor.account-server-url=" + tls.url("/auth"), "interactor.core-api-url=" + tls.url("/api/v1"),
					"spring.ssl.bundle.pem.interactor-test.truststore.certificate=" + certificate.certificatePem());
			assertThat(tls.url("/").isHttps()).isTrue();
			tlsRunner.run((context) -> assertThatExceptionOfType(InteractorNetworkException.class)
				.isThrownBy(() -> context.getBean(InteractorClient.class).assistants().get("ns", "asst_1")));
			tlsRunner.withPropertyValues("interactor.http.ssl.bundle=interactor-test")
				.run((context) -> assertThat(context.getBean(InteractorClient.class).assistants().get("ns", "asst_1").id())
					.isEqualTo("asst_1"));
			// Spring Boot's bundle for every client applies when the starter names none.
			tlsRunner.withPropertyValues("spring.http.clients.ssl.bundle=interactor-test")
				.run((context) -> assertThat(context.getBean(InteractorClient.class).assistants().get("ns", "asst_1").id())
					.isEqualTo("asst_1"));
		}
	}

	@Test
	void unknownSslBundleFailsTheStartNamingTheProperty() {
		this.runner.withUserConfiguration(ClientConsumer.class)
			.withPropertyValues(PeerRequests.springProperties(this.server))
			.withPropertyValues("interactor.http.ssl.bundle=no-such-bundle")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
					assertThat(ex.getName()).isEqualTo("interactor.http.ssl.bundle");
					assertThat(ex.getValue()).isEqualTo("no-such-bundle");
					assertThat(ex.getReason()).contains("spring.ssl.bundle.pem.no-such-bundle");
				}));
	}

	@Test
	void tokenAndCoreCallsGoThroughTheConfiguredProxy() throws Exception {
		enqueue(this.server, token(1), json(200, ASSISTANT));
		try (ConnectProxy proxy = new ConnectProxy()) {
			this.runner.withPropertyValues(PeerRequests.springProperties(this.server))
				.withPropertyValues("interactor.http.proxy.host=127.0.0.1",
						"interactor.http.proxy.port=" + proxy.getPort(), "interactor.http.proxy.username=proxy-user",
						"interactor.http.proxy.password=proxy-pass-1")
				.run((context) -> {
					assertThat(context.getBean(InteractorClient.class).assistants().get("ns", "asst_1").id())
						.isEqualTo("asst_1");
					assertThat(takeToken(this.server).getTarget()).isEqualTo("/auth/oauth/token");
					assertThat(takeCore(this.server).getTarget()).isEqualTo("/api/v1/assistants/asst_1");
					assertThat(proxy.requestLines()).isNotEmpty()
						.allMatch((line) -> line.startsWith("CONNECT " + serverAuthority() + " "));
					assertThat(proxy.authorizations()).isNotEmpty()
						.containsOnly("Basic " + Base64.getEncoder()
							.encodeToString("proxy-user:proxy-pass-1".getBytes(StandardCharsets.UTF_8)));
					assertThat(context.getBean(InteractorProperties.class).toString()).doesNotContain("proxy-pass-1");
				});
		}
	}

	@Test
	void proxyOfTheApplicationsConnectorBuilderCustomizerIsKept() throws Exception {
		enqueue(this.server, token(1), json(200, ASSISTANT));
		try (ConnectProxy proxy = new ConnectProxy()) {
			ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> customizer = (
					builder) -> builder.withHttpClientCustomizer((httpClient) -> httpClient.proxy((spec) -> spec
						.type(ProxyProvider.Proxy.HTTP)
						.host("127.0.0.1")
						.port(proxy.getPort())));
			this.runner.withBean(ClientHttpConnectorBuilderCustomizer.class, () -> customizer)
				.withPropertyValues(PeerRequests.springProperties(this.server))
				.run((context) -> {
					assertThat(context.getBean(InteractorClient.class).assistants().get("ns", "asst_1").id())
						.isEqualTo("asst_1");
					// Without JVM proxy properties the starter must not drop the proxy Spring Boot's builder has.
					assertThat(proxy.requestLines()).isNotEmpty()
						.allMatch((line) -> line.startsWith("CONNECT " + serverAuthority() + " "));
				});
		}
	}

	@Test
	void nonProxyHostsAreReachedDirectly() throws Exception {
		enqueue(this.server, token(1), json(200, ASSISTANT));
		try (ConnectProxy proxy = new ConnectProxy()) {
			this.runner.withPropertyValues(PeerRequests.springProperties(this.server))
				.withPropertyValues("interactor.http.proxy.host=127.0.0.1",
						"interactor.http.proxy.port=" + proxy.getPort(),
						"interactor.http.proxy.non-proxy-hosts=example.invalid," + serverHost().toUpperCase())
				.run((context) -> {
					assertThat(context.getBean(InteractorClient.class).assistants().get("ns", "asst_1").id())
						.isEqualTo("asst_1");
					assertThat(proxy.requestLines()).isEmpty();
				});
		}
	}

	@Test
	void jvmProxySystemPropertiesAreHonouredWithoutAnExplicitProxy() throws Exception {
		enqueue(this.server, token(1), json(200, ASSISTANT));
		Map<String, @Nullable String> saved = new java.util.HashMap<>();
		for (String name : List.of("http.proxyHost", "http.proxyPort", "http.nonProxyHosts")) {
			saved.put(name, System.getProperty(name));
		}
		try (ConnectProxy proxy = new ConnectProxy()) {
			System.setProperty("http.proxyHost", "127.0.0.1");
			System.setProperty("http.proxyPort", String.valueOf(proxy.getPort()));
			// The JVM's default exempts localhost; name another host so the loopback server is proxied.
			System.setProperty("http.nonProxyHosts", "example.invalid");
			this.runner.withPropertyValues(PeerRequests.springProperties(this.server)).run((context) -> {
				assertThat(context.getBean(InteractorClient.class).assistants().get("ns", "asst_1").id())
					.isEqualTo("asst_1");
				assertThat(proxy.requestLines()).isNotEmpty()
					.allMatch((line) -> line.startsWith("CONNECT " + serverAuthority() + " "));
			});
		}
		finally {
			saved.forEach((name, value) -> {
				if (value != null) {
					System.setProperty(name, value);
				}
				else {
					System.clearProperty(name);
				}
			});
		}
	}

	@Test
	void springBootReadTimeoutAppliesWhenTheStarterSetsNone() {
		enqueue(this.server, token(1), jsonBuilder(200, ASSISTANT).headersDelay(2, TimeUnit.SECONDS).build());
		this.runner.withPropertyValues(PeerRequests.springProperties(this.server))
			.withPropertyValues("spring.http.clients.read-timeout=200ms")
			.run((context) -> assertThatExceptionOfType(InteractorNetworkException.class)
				.isThrownBy(() -> context.getBean(InteractorClient.class).assistants().get("ns", "asst_1")));
	}

	@Test
	void starterResponseTimeoutWinsOverSpringBoots() {
		enqueue(this.server, token(1), jsonBuilder(200, ASSISTANT).headersDelay(1, TimeUnit.SECONDS).build());
		this.runner.withPropertyValues(PeerRequests.springProperties(this.server))
			.withPropertyValues("spring.http.clients.read-timeout=200ms", "interactor.http.response-timeout=20s")
			.run((context) -> assertThat(
					context.getBean(InteractorClient.class).assistants().get("ns", "asst_1").id())
				.isEqualTo("asst_1"));
	}

	@Test
	void timeoutsAreTheStartersThenSpringBootsThenTheDefaults() {
		ApplicationContextRunner recording = this.runner.withUserConfiguration(RecordingConnectorBuilder.class)
			.withPropertyValues(PeerRequests.springProperties(this.server));
		recording.run((context) -> {
			HttpClientSettings settings = createConnector(context.getBean(RecordingConnectorBuilder.class), context);
			assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
		});
		recording.withPropertyValues("spring.http.clients.connect-timeout=2s", "spring.http.clients.read-timeout=7s")
			.run((context) -> {
				HttpClientSettings settings = createConnector(context.getBean(RecordingConnectorBuilder.class),
						context);
				assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(7));
			});
		recording
			.withPropertyValues("spring.http.clients.connect-timeout=2s", "spring.http.clients.read-timeout=7s",
					"interactor.http.connect-timeout=1s", "interactor.http.response-timeout=11s")
			.run((context) -> {
				HttpClientSettings settings = createConnector(context.getBean(RecordingConnectorBuilder.class),
						context);
				assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
				assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(11));
			});
	}

	@Test
	void tokenAndCoreCallsShareOneConnectorBuiltWithSpringBootsBuilder() {
		enqueue(this.server, token(1), json(200, ASSISTANT));
		this.runner.withUserConfiguration(RecordingConnectorBuilder.class)
			.withPropertyValues(PeerRequests.springProperties(this.server))
			.run((context) -> {
				context.getBean(InteractorClient.class).assistants().get("ns", "asst_1");
				RecordingConnector connector = context.getBean(InteractorClientAutoConfiguration.CONNECTOR_BEAN_NAME,
						RecordingConnector.class);
				assertThat(connector.paths).containsExactly("/auth/oauth/token", "/api/v1/assistants/asst_1");
				// Spring Boot's own connector bean, for the application's WebClients, is still the one injected.
				assertThat(context.getBean(ClientHttpConnector.class)).isNotSameAs(connector);
			});
	}

	@Test
	void injectedClientCreatesItsConnectorOnTheFirstCallOnly() {
		enqueue(this.server, token(1), json(200, ASSISTANT), json(200, ASSISTANT));
		this.runner.withUserConfiguration(RecordingConnectorBuilder.class, ClientConsumer.class)
			.withPropertyValues(PeerRequests.springProperties(this.server))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasBean("consumer");
				RecordingConnectorBuilder builder = context.getBean(RecordingConnectorBuilder.class);
				assertThat(builder.settings).as("no connector built at start-up").isEmpty();
				assertThat(context.getBeanFactory()
					.containsSingleton(InteractorClientAutoConfiguration.CONNECTOR_BEAN_NAME)).isFalse();
				InteractorClient client = context.getBean(InteractorClient.class);
				assertThat(client.assistants().get("ns", "asst_1").id()).isEqualTo("asst_1");
				// Ours, and Spring Boot's own that its WebClient.Builder bean brings
				assertThat(builder.settings).as("connectors built by the first call").hasSize(2);
				assertThat(client.assistants().get("ns", "asst_1").id()).isEqualTo("asst_1");
				assertThat(builder.settings).as("none built by later calls").hasSize(2);
				RecordingConnector connector = context.getBean(InteractorClientAutoConfiguration.CONNECTOR_BEAN_NAME,
						RecordingConnector.class);
				assertThat(connector.paths).as("one connector for the token and Core API calls")
					.containsExactly("/auth/oauth/token", "/api/v1/assistants/asst_1", "/api/v1/assistants/asst_1");
			});
	}

	@Test
	void proxyWithoutPortFailsTheStartThoughTheConnectorIsCreatedLater() {
		this.runner.withUserConfiguration(ClientConsumer.class)
			.withPropertyValues(PeerRequests.springProperties(this.server))
			.withPropertyValues("interactor.http.proxy.host=127.0.0.1")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
						(ex) -> assertThat(ex.getName()).isEqualTo("interactor.http.proxy.port")));
	}

	@Test
	void connectorBeanOfTheApplicationReplacesTheAutoConfiguredOne() {
		enqueue(this.server, token(1), json(200, ASSISTANT));
		this.runner.withUserConfiguration(UserConnector.class)
			.withPropertyValues(PeerRequests.springProperties(this.server))
			.run((context) -> {
				context.getBean(InteractorClient.class).assistants().get("ns", "asst_1");
				RecordingConnector connector = context.getBean(UserConnector.class).connector;
				assertThat(context.getBean(InteractorClientAutoConfiguration.CONNECTOR_BEAN_NAME))
					.isSameAs(connector);
				assertThat(connector.paths).containsExactly("/auth/oauth/token", "/api/v1/assistants/asst_1");
			});
	}

	@Test
	void worksWithoutSpringBootsHttpClientAutoConfiguration() {
		enqueue(this.server, token(1), json(200, ASSISTANT));
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(InteractorClientAutoConfiguration.class))
			.withPropertyValues(PeerRequests.springProperties(this.server))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ClientHttpConnectorBuilder.class);
				assertThat(context.getBean(InteractorClient.class).assistants().get("ns", "asst_1").id())
					.isEqualTo("asst_1");
				assertThat(context.getBean(InteractorClientAutoConfiguration.CONNECTOR_BEAN_NAME))
					.isInstanceOf(ClientHttpConnector.class);
			});
	}

	@Test
	void nonProxyHostPatternsMatchWholeNamesWithWildcards() {
		Pattern pattern = Pattern.compile(InteractorClientHttpConnectorFactory
			.nonProxyHostsRegex(List.of("localhost", "*.internal.example.com", "10.*", " ")));
		assertThat(pattern.matcher("LOCALHOST").matches()).isTrue();
		assertThat(pattern.matcher("api.internal.example.com").matches()).isTrue();
		assertThat(pattern.matcher("10.1.2.3").matches()).isTrue();
		assertThat(pattern.matcher("internal.example.com.evil.org").matches()).isFalse();
		assertThat(pattern.matcher("localhostx").matches()).isFalse();
		assertThat(pattern.matcher("110.1.2.3").matches()).isFalse();
		assertThat(InteractorClientHttpConnectorFactory.nonProxyHostsRegex(List.of())).isNull();
	}

	private String serverAuthority() {
		URI uri = URI.create(PeerRequests.coreApiUrl(this.server));
		return uri.getHost() + ":" + uri.getPort();
	}

	private String serverHost() {
		return URI.create(PeerRequests.coreApiUrl(this.server)).getHost();
	}

	private static HttpClientSettings createConnector(RecordingConnectorBuilder builder,
			org.springframework.context.ApplicationContext context) {
		context.getBean(InteractorClientAutoConfiguration.CONNECTOR_BEAN_NAME);
		assertThat(builder.settings).isNotEmpty();
		return builder.settings.get(builder.settings.size() - 1);
	}

	/**
	 * Answers token requests with a token and Core requests with an assistant.
	 */
	static final class TokenAndAssistant extends Dispatcher {

		@Override
		public MockResponse dispatch(RecordedRequest request) {
			if (request.getTarget().startsWith("/auth/")) {
				return json(200, "{\"access_token\":\"tls-token\",\"token_type\":\"Bearer\",\"expires_in\":900}");
			}
			return json(200, ASSISTANT);
		}

	}

	/**
	 * Passes each exchange to Reactor Netty's connector and records the request paths.
	 */
	static final class RecordingConnector implements ClientHttpConnector {

		final List<String> paths = new CopyOnWriteArrayList<>();

		private final ClientHttpConnector delegate;

		RecordingConnector(ClientHttpConnector delegate) {
			this.delegate = delegate;
		}

		@Override
		public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
				Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
			this.paths.add(uri.getPath());
			return this.delegate.connect(method, uri, requestCallback);
		}

	}

	/**
	 * The application's connector builder, recording the settings it is asked to build with.
	 */
	@Configuration(proxyBeanMethods = false)
	static class RecordingConnectorBuilder {

		final List<HttpClientSettings> settings = new CopyOnWriteArrayList<>();

		@Bean
		ClientHttpConnectorBuilder<RecordingConnector> recordingConnectorBuilder() {
			return (settings) -> {
				this.settings.add(settings);
				return new RecordingConnector(ClientHttpConnectorBuilder.reactor().build(settings));
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserConnector {

		final RecordingConnector connector = new RecordingConnector(ClientHttpConnectorBuilder.reactor().build());

		@Bean(name = InteractorClientAutoConfiguration.CONNECTOR_BEAN_NAME, defaultCandidate = false)
		ClientHttpConnector userInteractorConnector() {
			return this.connector;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ClientConsumer {

		@Bean
		String consumer(InteractorClient client) {
			return "uses " + client;
		}

	}

}
