package io.interactor.spring.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

import io.interactor.spring.client.auth.AccessTokenProvider;
import io.interactor.spring.client.auth.BearerTokenExchangeFilter;
import io.interactor.spring.client.auth.ClientCredentialsTokenProvider;
import io.interactor.spring.client.auth.TokenRequestFormat;
import io.interactor.spring.client.core.BaseUrls;
import io.interactor.spring.client.core.InteractorEnvironment;
import io.interactor.spring.client.http.CoreApiClient;
import io.interactor.spring.client.http.ErrorResponseMapper;
import io.interactor.spring.client.http.ExchangeRetry;
import io.interactor.spring.client.http.PlatformSignalsFilter;
import io.interactor.spring.client.http.RateLimitStatus;
import io.interactor.spring.client.http.RequestObservationFilter;
import io.interactor.spring.client.http.RetryPolicy;
import io.interactor.spring.client.observation.CoreApiCallObservationConvention;
import io.interactor.spring.client.observation.CoreApiRequestObservationConvention;
import io.interactor.spring.client.observation.EventStreamObservationConvention;
import io.interactor.spring.client.observation.TokenRequestObservationConvention;
import io.interactor.spring.client.resource.ReactiveAssistants;
import io.interactor.spring.client.resource.ReactiveCredentials;
import io.interactor.spring.client.resource.ReactiveDataSources;
import io.interactor.spring.client.resource.ReactiveOAuth;
import io.interactor.spring.client.resource.ReactiveRooms;
import io.interactor.spring.client.resource.ReactiveTools;
import io.interactor.spring.client.resource.ReactiveWebhooks;
import io.interactor.spring.client.resource.ReactiveWorkflowInstances;
import io.interactor.spring.client.resource.ReactiveWorkflows;
import io.interactor.spring.client.stream.EventStreamConnector;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.DefaultUriBuilderFactory;

/**
 * The reactive Interactor client: every Core API resource group, returning {@code Mono}/{@code Flux}. Calls are
 * authenticated with client-credentials tokens, retried on transient failures and mapped to typed exceptions.
 * <p>
 * In a Spring Boot application this is a bean; elsewhere, build one with {@link #builder()}.
 *
 * @since 0.1.0
 */
public final class ReactiveInteractorClient {

	private final CoreApiClient api;

	private final AccessTokenProvider tokenProvider;

	private final RateLimitStatus rateLimitStatus;

	private final ReactiveCredentials credentials;

	private final ReactiveOAuth oauth;

	private final ReactiveAssistants assistants;

	private final ReactiveRooms rooms;

	private final ReactiveTools tools;

	private final ReactiveDataSources dataSources;

	private final ReactiveWorkflows workflows;

	private final ReactiveWorkflowInstances workflowInstances;

	private final ReactiveWebhooks webhooks;

	/**
	 * Create a client over a configured {@link CoreApiClient}; {@link #builder()} does this for you.
	 * @param api executes Core API requests
	 * @param tokenProvider the token provider behind {@code api}
	 */
	public ReactiveInteractorClient(CoreApiClient api, AccessTokenProvider tokenProvider) {
		this(api, tokenProvider, new RateLimitStatus());
	}

	/**
	 * Create a client over a configured {@link CoreApiClient}; {@link #builder()} does this for you.
	 * @param api executes Core API requests
	 * @param tokenProvider the token provider behind {@code api}
	 * @param rateLimitStatus the rate-limit values a {@link PlatformSignalsFilter} on {@code api}'s client updates
	 */
	public ReactiveInteractorClient(CoreApiClient api, AccessTokenProvider tokenProvider,
			RateLimitStatus rateLimitStatus) {
		// The stream connector observes in the same registry as the executor it opens connections with.
		this(api, tokenProvider, rateLimitStatus, new EventStreamConnector(api, Clock.systemUTC()));
	}

	/**
	 * Create a client over a configured {@link CoreApiClient}; {@link #builder()} does this for you.
	 * @param api executes Core API requests
	 * @param tokenProvider the token provider behind {@code api}
	 * @param rateLimitStatus the rate-limit values a {@link PlatformSignalsFilter} on {@code api}'s client updates
	 * @param streams opens the event streams of rooms and workflow instances over {@code api}
	 * @since 0.1.0
	 */
	public ReactiveInteractorClient(CoreApiClient api, AccessTokenProvider tokenProvider,
			RateLimitStatus rateLimitStatus, EventStreamConnector streams) {
		this.api = api;
		this.tokenProvider = tokenProvider;
		this.rateLimitStatus = rateLimitStatus;
		this.credentials = new ReactiveCredentials(api);
		this.oauth = new ReactiveOAuth(api);
		this.assistants = new ReactiveAssistants(api);
		this.rooms = new ReactiveRooms(api, streams);
		this.tools = new ReactiveTools(api);
		this.dataSources = new ReactiveDataSources(api);
		this.workflows = new ReactiveWorkflows(api);
		this.workflowInstances = new ReactiveWorkflowInstances(api, streams);
		this.webhooks = new ReactiveWebhooks(api);
	}

	/**
	 * A builder for a client.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Credentials: list, get, token, refresh, revoke.
	 * @return the credentials resource group
	 */
	public ReactiveCredentials credentials() {
		return this.credentials;
	}

	/**
	 * OAuth connect flows: initiate, complete, status.
	 * @return the OAuth resource group
	 */
	public ReactiveOAuth oauth() {
		return this.oauth;
	}

	/**
	 * Assistants: create, get, list, update, delete.
	 * @return the assistants resource group
	 */
	public ReactiveAssistants assistants() {
		return this.assistants;
	}

	/**
	 * Rooms: create, get, list, update, delete, messages, tool results, event stream.
	 * @return the rooms resource group
	 */
	public ReactiveRooms rooms() {
		return this.rooms;
	}

	/**
	 * Tools: create, get, list, update, delete.
	 * @return the tools resource group
	 */
	public ReactiveTools tools() {
		return this.tools;
	}

	/**
	 * Data sources: create, get, list, update, delete, sync.
	 * @return the data sources resource group
	 */
	public ReactiveDataSources dataSources() {
		return this.dataSources;
	}

	/**
	 * Workflow definitions: create, get, list, delete.
	 * @return the workflows resource group
	 */
	public ReactiveWorkflows workflows() {
		return this.workflows;
	}

	/**
	 * Workflow instances: start, get, list, input, events, cancel, thread, event stream.
	 * @return the workflow instances resource group
	 */
	public ReactiveWorkflowInstances workflowInstances() {
		return this.workflowInstances;
	}

	/**
	 * Webhook subscriptions: create, get, list, update, delete, rotate secret.
	 * @return the webhooks resource group
	 */
	public ReactiveWebhooks webhooks() {
		return this.webhooks;
	}

	/**
	 * The last {@code X-RateLimit-*} values the Core API sent.
	 * @return the rate-limit status, updated in place
	 */
	public RateLimitStatus rateLimitStatus() {
		return this.rateLimitStatus;
	}

	/**
	 * The request executor behind the resource groups, for endpoints this client does not model yet.
	 * @return the executor
	 */
	public CoreApiClient api() {
		return this.api;
	}

	/**
	 * The token provider authenticating the calls.
	 * @return the token provider
	 */
	public AccessTokenProvider tokenProvider() {
		return this.tokenProvider;
	}

	/**
	 * Builds a {@link ReactiveInteractorClient}. Only the credentials are required (or a custom
	 * {@link AccessTokenProvider}); everything else has the documented defaults.
	 */
	public static final class Builder {

		private @Nullable String clientId;

		private @Nullable String clientSecret;

		private @Nullable String scopes;

		private InteractorEnvironment environment = InteractorEnvironment.PRODUCTION;

		private @Nullable String accountServerUrl;

		private @Nullable String coreApiUrl;

		private TokenRequestFormat tokenRequestFormat = TokenRequestFormat.JSON;

		private Duration refreshBeforeExpiry = Duration.ofSeconds(60);

		private Duration connectTimeout = Duration.ofSeconds(5);

		private Duration responseTimeout = Duration.ofSeconds(30);

		private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;

		private WebClient.@Nullable Builder webClientBuilder;

		private @Nullable Supplier<WebClient.@Nullable Builder> webClientBuilderSupplier;

		private @Nullable Supplier<? extends @Nullable ClientHttpConnector> clientConnector;

		private @Nullable JsonMapper jsonMapper;

		private @Nullable AccessTokenProvider tokenProvider;

		private Clock clock = Clock.systemUTC();

		private Scheduler retryScheduler = Schedulers.parallel();

		private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

		private @Nullable ObservationRegistry observationRegistry;

		private @Nullable CoreApiCallObservationConvention callObservationConvention;

		private @Nullable CoreApiRequestObservationConvention requestObservationConvention;

		private @Nullable TokenRequestObservationConvention tokenObservationConvention;

		private @Nullable EventStreamObservationConvention streamObservationConvention;

		private Builder() {
		}

		/**
		 * The client credentials. Both are trimmed of leading and trailing whitespace; blank counts as not set.
		 * @param clientId the OAuth client id
		 * @param clientSecret the OAuth client secret
		 * @return this builder
		 */
		public Builder credentials(@Nullable String clientId, @Nullable String clientSecret) {
			this.clientId = clientId;
			this.clientSecret = clientSecret;
			return this;
		}

		/**
		 * Space-separated scopes to request; by default none is sent and the client's grant applies.
		 * @param scopes the scopes
		 * @return this builder
		 */
		public Builder scopes(@Nullable String scopes) {
			this.scopes = scopes;
			return this;
		}

		/**
		 * The environment whose base URLs apply unless set explicitly.
		 * @param environment the environment
		 * @return this builder
		 */
		public Builder environment(InteractorEnvironment environment) {
			this.environment = environment;
			return this;
		}

		/**
		 * The Account Server base URL, overriding the environment's.
		 * @param accountServerUrl the base URL, e.g. {@code https://auth.interactor.com/api/v1}
		 * @return this builder
		 */
		public Builder accountServerUrl(@Nullable String accountServerUrl) {
			this.accountServerUrl = accountServerUrl;
			return this;
		}

		/**
		 * The Core API base URL, overriding the environment's.
		 * @param coreApiUrl the base URL, e.g. {@code https://core.interactor.com/api/v1}
		 * @return this builder
		 */
		public Builder coreApiUrl(@Nullable String coreApiUrl) {
			this.coreApiUrl = coreApiUrl;
			return this;
		}

		/**
		 * How credentials are sent to the token endpoint.
		 * @param format the format
		 * @return this builder
		 */
		public Builder tokenRequestFormat(TokenRequestFormat format) {
			this.tokenRequestFormat = format;
			return this;
		}

		/**
		 * How long before expiry a token is replaced.
		 * @param refreshBeforeExpiry the margin
		 * @return this builder
		 */
		public Builder refreshBeforeExpiry(Duration refreshBeforeExpiry) {
			this.refreshBeforeExpiry = refreshBeforeExpiry;
			return this;
		}

		/**
		 * The TCP connect timeout (ignored when a {@link #clientConnector(ClientHttpConnector) connector} is set).
		 * @param connectTimeout the timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
			return this;
		}

		/**
		 * The response timeout of each attempt (ignored when a {@link #clientConnector(ClientHttpConnector)
		 * connector} is set).
		 * @param responseTimeout the timeout
		 * @return this builder
		 */
		public Builder responseTimeout(Duration responseTimeout) {
			this.responseTimeout = responseTimeout;
			return this;
		}

		/**
		 * The retry policy for transient failures of Core API calls and token requests: retryable statuses and
		 * I/O failures at any point of an exchange, the reading of the response body included (see
		 * {@link ExchangeRetry} for which calls may be repeated). Event streams reconnect by their own
		 * {@link io.interactor.spring.client.stream.StreamSettings}.
		 * @param retryPolicy the policy
		 * @return this builder
		 */
		public Builder retryPolicy(RetryPolicy retryPolicy) {
			this.retryPolicy = retryPolicy;
			return this;
		}

		/**
		 * The {@link WebClient.Builder} to start from, e.g. Spring Boot's; it is cloned, never modified.
		 * @param webClientBuilder the builder
		 * @return this builder
		 */
		public Builder webClientBuilder(WebClient.Builder webClientBuilder) {
			this.webClientBuilder = webClientBuilder;
			this.webClientBuilderSupplier = null;
			return this;
		}

		/**
		 * Like {@link #webClientBuilder(WebClient.Builder)}, but the builder is only asked for when the first
		 * request is sent: getting Spring Boot's, for example, creates Spring Boot's own connector.
		 * @param webClientBuilder supplies the builder to clone, or {@code null} to start from
		 * {@link WebClient#builder()}; called by the first request of a built client or token provider
		 * @return this builder
		 * @since 0.1.0
		 */
		public Builder webClientBuilder(Supplier<WebClient.@Nullable Builder> webClientBuilder) {
			Assert.notNull(webClientBuilder, "'webClientBuilder' must not be null");
			this.webClientBuilderSupplier = webClientBuilder;
			this.webClientBuilder = null;
			return this;
		}

		/**
		 * The HTTP connector to use as is, for proxies or TLS settings; timeouts are then the connector's. Without
		 * one, a Reactor Netty connector with the {@link #connectTimeout(Duration) connect} and
		 * {@link #responseTimeout(Duration) response} timeouts is created, which goes through the proxy the JVM's
		 * {@code https.proxyHost}, {@code http.proxyHost} and {@code http.nonProxyHosts} system properties name.
		 * Either way the token endpoint and Core API calls share it.
		 * @param clientConnector the connector
		 * @return this builder
		 */
		public Builder clientConnector(ClientHttpConnector clientConnector) {
			Assert.notNull(clientConnector, "'clientConnector' must not be null");
			this.clientConnector = () -> clientConnector;
			return this;
		}

		/**
		 * Like {@link #clientConnector(ClientHttpConnector)}, but the connector is only asked for when the first
		 * request (token or Core API call) is sent, so that creating it (for Reactor Netty: its classes, pool and
		 * resources) does not add to the application's start-up.
		 * @param clientConnector supplies the connector, or {@code null} to use the Reactor Netty connector created
		 * here with the {@link #connectTimeout(Duration) connect} and {@link #responseTimeout(Duration) response}
		 * timeouts; called once per built client or token provider, by its first request
		 * @return this builder
		 * @since 0.1.0
		 */
		public Builder clientConnector(Supplier<? extends @Nullable ClientHttpConnector> clientConnector) {
			Assert.notNull(clientConnector, "'clientConnector' must not be null");
			this.clientConnector = clientConnector;
			return this;
		}

		/**
		 * The JSON mapper for bodies, e.g. the application's.
		 * @param jsonMapper the mapper
		 * @return this builder
		 */
		public Builder jsonMapper(JsonMapper jsonMapper) {
			this.jsonMapper = jsonMapper;
			return this;
		}

		/**
		 * A token provider replacing the client-credentials one; credentials are then not needed.
		 * @param tokenProvider the provider
		 * @return this builder
		 */
		public Builder tokenProvider(AccessTokenProvider tokenProvider) {
			this.tokenProvider = tokenProvider;
			return this;
		}

		/**
		 * The clock for token expiry and {@code Retry-After} dates.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Where retry waits run; tests may pass a virtual-time scheduler.
		 * @param retryScheduler the scheduler
		 * @return this builder
		 */
		public Builder retryScheduler(Scheduler retryScheduler) {
			this.retryScheduler = retryScheduler;
			return this;
		}

		/**
		 * Source of the back-off jitter, uniformly distributed in [0, 1).
		 * @param jitter the source
		 * @return this builder
		 */
		public Builder jitter(DoubleSupplier jitter) {
			this.jitter = jitter;
			return this;
		}

		/**
		 * The registry where the client reports: its calls ({@code interactor.client.call}), every HTTP attempt
		 * ({@code interactor.client.request}), token requests ({@code interactor.client.token}) and event stream
		 * connections ({@code interactor.client.stream}), and the {@code WebClient}'s own
		 * {@code http.client.requests} with trace propagation. By default {@link ObservationRegistry#NOOP}: nothing
		 * is observed. When a {@link #webClientBuilder(WebClient.Builder) WebClient.Builder} is given too, this
		 * registry replaces the builder's.
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * The convention of the {@code interactor.client.call} observation, replacing
		 * {@link io.interactor.spring.client.observation.DefaultCoreApiCallObservationConvention}.
		 * @param convention the convention
		 * @return this builder
		 * @since 0.1.0
		 */
		public Builder callObservationConvention(CoreApiCallObservationConvention convention) {
			this.callObservationConvention = convention;
			return this;
		}

		/**
		 * The convention of the per-attempt {@code interactor.client.request} observation, replacing
		 * {@link io.interactor.spring.client.observation.DefaultCoreApiRequestObservationConvention}.
		 * @param convention the convention
		 * @return this builder
		 * @since 0.1.0
		 */
		public Builder requestObservationConvention(CoreApiRequestObservationConvention convention) {
			this.requestObservationConvention = convention;
			return this;
		}

		/**
		 * The convention of the {@code interactor.client.token} observation, replacing
		 * {@link io.interactor.spring.client.observation.DefaultTokenRequestObservationConvention}; it applies to
		 * the client-credentials provider the builder creates, not to a {@link #tokenProvider custom one}.
		 * @param convention the convention
		 * @return this builder
		 * @since 0.1.0
		 */
		public Builder tokenObservationConvention(TokenRequestObservationConvention convention) {
			this.tokenObservationConvention = convention;
			return this;
		}

		/**
		 * The convention of the {@code interactor.client.stream} observation, replacing
		 * {@link io.interactor.spring.client.observation.DefaultEventStreamObservationConvention}.
		 * @param convention the convention
		 * @return this builder
		 * @since 0.1.0
		 */
		public Builder streamObservationConvention(EventStreamObservationConvention convention) {
			this.streamObservationConvention = convention;
			return this;
		}

		/**
		 * Apply a customisation to this builder.
		 * @param customizer the customisation
		 * @return this builder
		 */
		public Builder apply(Consumer<Builder> customizer) {
			customizer.accept(this);
			return this;
		}

		/**
		 * Build the client. The token endpoint and the Core API calls share one HTTP connector (and so one
		 * connection pool): the {@link #clientConnector(ClientHttpConnector) given one}, else one created here.
		 * The settings are checked here; the connector and the {@code WebClient}s over it are created by the first
		 * request (once, also under concurrent first requests), so that a client created at start-up costs the
		 * start-up little.
		 * @return the client
		 * @throws IllegalArgumentException when credentials are missing and no token provider was given, or a base
		 * URL is not an absolute http(s) URL
		 */
		public ReactiveInteractorClient build() {
			String coreUrl = BaseUrls.normalize("coreApiUrl",
					StringUtils.hasText(this.coreApiUrl) ? this.coreApiUrl : this.environment.coreApiUrl());
			JsonMapper mapper = jsonMapper();
			Transport transport = transport();
			ErrorResponseMapper errorMapper = new ErrorResponseMapper(mapper, this.clock);
			AccessTokenProvider tokens = (this.tokenProvider != null) ? this.tokenProvider
					: clientCredentialsTokenProvider(mapper, transport);
			ObservationRegistry registry = observationRegistryOrNoop();
			PlatformSignalsFilter platformSignals = new PlatformSignalsFilter(this.clock);
			@Nullable CoreApiRequestObservationConvention requestConvention = this.requestObservationConvention;
			// No retry filter: a filter ends at the response headers, so the calls retry themselves (ExchangeRetry),
			// response body included. Each attempt passes every filter below.
			Supplier<WebClient> coreWebClient = () -> {
				DefaultUriBuilderFactory uriFactory = new DefaultUriBuilderFactory(coreUrl);
				uriFactory.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.TEMPLATE_AND_VALUES);
				return transport.webClientBuilder()
					.uriBuilderFactory(uriFactory)
					.filter(new BearerTokenExchangeFilter(tokens, errorMapper.parser()))
					.filter(platformSignals)
					// Innermost: sees every attempt and the status the server really sent.
					.filter(new RequestObservationFilter(registry, requestConvention))
					.build();
			};
			CoreApiClient api = new CoreApiClient(coreWebClient, mapper, errorMapper, registry,
					this.callObservationConvention, exchangeRetry());
			return new ReactiveInteractorClient(api, tokens, platformSignals.rateLimitStatus(),
					new EventStreamConnector(api, Clock.systemUTC(), registry, this.streamObservationConvention));
		}

		private ExchangeRetry exchangeRetry() {
			return new ExchangeRetry(this.retryPolicy, this.clock, this.retryScheduler, this.jitter);
		}

		private ObservationRegistry observationRegistryOrNoop() {
			return (this.observationRegistry != null) ? this.observationRegistry : ObservationRegistry.NOOP;
		}

		/**
		 * Build only the client-credentials token provider a {@link #build() client} of this builder would use
		 * (credentials, scopes, Account Server URL, request format, refresh margin, transport, retries), so that it
		 * can be shared, e.g. as a bean, by clients and health checks. A {@link #tokenProvider(AccessTokenProvider)
		 * token provider} set on this builder is not involved.
		 * @return a new token provider
		 * @throws IllegalArgumentException when the credentials are missing or the Account Server URL is not an
		 * absolute http(s) URL
		 * @since 0.1.0
		 */
		public ClientCredentialsTokenProvider buildTokenProvider() {
			return clientCredentialsTokenProvider(jsonMapper(), transport());
		}

		private JsonMapper jsonMapper() {
			return (this.jsonMapper != null) ? this.jsonMapper : JsonMapper.builder().build();
		}

		/**
		 * The transport of one built client or token provider, with this builder's settings as they are now.
		 */
		private Transport transport() {
			Supplier<WebClient.@Nullable Builder> webClientBuilder = this.webClientBuilderSupplier;
			if (this.webClientBuilder != null) {
				WebClient.Builder given = this.webClientBuilder.clone();
				webClientBuilder = () -> given;
			}
			return new Transport(this.clientConnector, this.connectTimeout, this.responseTimeout, webClientBuilder,
					this.observationRegistry);
		}

		private ClientCredentialsTokenProvider clientCredentialsTokenProvider(JsonMapper mapper, Transport transport) {
			Assert.isTrue(StringUtils.hasText(this.clientId) && StringUtils.hasText(this.clientSecret),
					"Interactor client credentials are required: set clientId and clientSecret, or a tokenProvider");
			String accountUrl = BaseUrls.normalize("accountServerUrl", StringUtils.hasText(this.accountServerUrl)
					? this.accountServerUrl : this.environment.accountServerUrl());
			ClientCredentialsTokenProvider provider = new ClientCredentialsTokenProvider(
					() -> transport.webClientBuilder().build(), URI.create(accountUrl + "/oauth/token"), this.clientId,
					this.clientSecret, this.scopes, this.tokenRequestFormat, this.refreshBeforeExpiry, this.clock,
					mapper, observationRegistryOrNoop(), exchangeRetry());
			provider.setObservationConvention(this.tokenObservationConvention);
			return provider;
		}

	}

	/**
	 * The connector and {@link WebClient} settings a built client shares between its token and Core API calls. The
	 * connector is created, or asked of the supplier given to the builder, once, when the first of their
	 * {@code WebClient}s is built, which is on the first request: HTTP client and codec classes are loaded then,
	 * not while the application starts.
	 */
	private static final class Transport {

		private static final boolean REACTOR_NETTY_PRESENT = ClassUtils
			.isPresent("reactor.netty.http.client.HttpClient", Transport.class.getClassLoader());

		private final SingletonSupplier<Optional<ClientHttpConnector>> connector;

		private final @Nullable Supplier<WebClient.@Nullable Builder> webClientBuilder;

		private final @Nullable ObservationRegistry observationRegistry;

		Transport(@Nullable Supplier<? extends @Nullable ClientHttpConnector> connector, Duration connectTimeout,
				Duration responseTimeout, @Nullable Supplier<WebClient.@Nullable Builder> webClientBuilder,
				@Nullable ObservationRegistry observationRegistry) {
			this.connector = SingletonSupplier.of(() -> {
				ClientHttpConnector supplied = (connector != null) ? connector.get() : null;
				if (supplied == null && REACTOR_NETTY_PRESENT) {
					supplied = ReactorNettyConnector.create(connectTimeout, responseTimeout);
				}
				return Optional.ofNullable(supplied);
			});
			this.webClientBuilder = webClientBuilder;
			this.observationRegistry = observationRegistry;
		}

		/**
		 * A new {@link WebClient.Builder} over the shared connector; without a connector (no Reactor Netty),
		 * {@code WebClient} picks one.
		 */
		WebClient.Builder webClientBuilder() {
			WebClient.@Nullable Builder given = (this.webClientBuilder != null) ? this.webClientBuilder.get() : null;
			WebClient.Builder builder = (given != null) ? given.clone() : WebClient.builder();
			if (this.observationRegistry != null) {
				builder.observationRegistry(this.observationRegistry);
			}
			this.connector.obtain().ifPresent(builder::clientConnector);
			return builder;
		}

	}

}
