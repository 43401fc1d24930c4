package io.interactor.spring.client.auth;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.interactor.spring.client.error.InteractorException;
import io.interactor.spring.client.http.ErrorResponseMapper;
import io.interactor.spring.client.http.ExchangeRetry;
import io.interactor.spring.client.observation.DefaultTokenRequestObservationConvention;
import io.interactor.spring.client.observation.InteractorClientObservationDocumentation;
import io.interactor.spring.client.observation.ReactorObservations;
import io.interactor.spring.client.observation.TokenRequestObservationContext;
import io.interactor.spring.client.observation.TokenRequestObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * OAuth 2.0 client-credentials token provider for the Account Server.
 * <ul>
 * <li>Sends a JSON body by default (as the vendor SDKs do), or a form body, or HTTP Basic
 * ({@link TokenRequestFormat}).</li>
 * <li>Reads both {@code {"data": {...}}} and flat token responses.</li>
 * <li>Caches the token until {@code expires_in - refreshBeforeExpiry} (clamped to half the lifetime, so a short
 * lived token is not refetched on every call), measured on the injected {@link Clock}. {@code expires_in} may be
 * a JSON number or a numeric string, with a fraction; zero or less means the token expired on arrival: it serves the
 * callers that asked for it and is not cached. Without a usable {@code expires_in}, 15 minutes are assumed.</li>
 * <li>Single-flight: however many callers find the cache cold or stale, one token request is made and all of them
 * receive its result.</li>
 * </ul>
 * Token-endpoint failures become {@link io.interactor.spring.client.error.InteractorApiException}s carrying the
 * server's code; refused credentials ({@code invalid_client}, ...) are
 * {@link io.interactor.spring.client.error.InteractorAuthenticationException}s whatever the status; I/O failures
 * become {@link io.interactor.spring.client.error.InteractorNetworkException}s and a 2xx body without a usable token
 * a plain {@link InteractorException}. A request is retried as a whole, response body included, by the
 * {@link ExchangeRetry} given. The client secret never appears in logs or exception messages.
 * <p>
 * Each token request is observed as {@code interactor.client.token} ({@link TokenRequestObservationContext}),
 * once however many callers share it.
 *
 * @since 0.1.0
 */
public class ClientCredentialsTokenProvider implements AccessTokenProvider {

	private static final Log logger = LogFactory.getLog(ClientCredentialsTokenProvider.class);

	/**
	 * The request attribute from which Spring's {@code http.client.requests} observation takes its {@code uri} tag;
	 * a call made with a {@link URI} has none, and would be tagged {@code none}.
	 */
	private static final String WEB_CLIENT_URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	/** Lifetime assumed when a token response carries no {@code expires_in}: the documented 15 minutes. */
	static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(900);

	/** Longest lifetime taken from {@code expires_in}, 2<sup>31</sup> s, so that expiry arithmetic cannot overflow. */
	static final Duration MAX_LIFETIME = Duration.ofSeconds(1L << 31);

	private static final BigDecimal MAX_LIFETIME_SECONDS = BigDecimal.valueOf(MAX_LIFETIME.getSeconds());

	private static final BigDecimal ONE_MILLISECOND = new BigDecimal("0.001");

	/** A JSON number (a sign allowed) in ASCII digits; BigDecimal alone would also take other scripts' digits. */
	private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

	/** Built by the first token request, once. */
	private final SingletonSupplier<WebClient> webClient;

	private final URI tokenUri;

	private final String clientId;

	private final String clientSecret;

	private final @Nullable String scopes;

	private final TokenRequestFormat format;

	private final Duration refreshBeforeExpiry;

	private final Clock clock;

	private final JsonMapper jsonMapper;

	private final ErrorResponseMapper errorMapper;

	private static final TokenRequestObservationConvention DEFAULT_CONVENTION = //
			new DefaultTokenRequestObservationConvention();

	private final ObservationRegistry observationRegistry;

	private final ExchangeRetry retry;

	private volatile @Nullable TokenRequestObservationConvention observationConvention;

	private final AtomicReference<@Nullable AccessToken> current = new AtomicReference<>();

	private final AtomicReference<@Nullable Mono<AccessToken>> inFlight = new AtomicReference<>();

	// Read by health checks, which must not fetch a token themselves while the cached one is fresh.
	private volatile @Nullable Duration lastRequestDuration;

	private volatile @Nullable String lastFailureCode;

	/**
	 * Create a provider.
	 * @param webClient the client for the Account Server, without authentication
	 * @param tokenUri the token endpoint, usually {@code {accountServerUrl}/oauth/token}
	 * @param clientId the OAuth client id; trimmed of leading and trailing whitespace
	 * @param clientSecret the OAuth client secret; trimmed of leading and trailing whitespace
	 * @param scopes space-separated scopes to request, or {@code null} for the client's defaults
	 * @param format how the credentials are sent
	 * @param refreshBeforeExpiry how long before expiry a token is replaced
	 * @param clock the clock used for expiry
	 * @param jsonMapper the mapper used to read responses
	 */
	public ClientCredentialsTokenProvider(WebClient webClient, URI tokenUri, String clientId, String clientSecret,
			@Nullable String scopes, TokenRequestFormat format, Duration refreshBeforeExpiry, Clock clock,
			JsonMapper jsonMapper) {
		this(webClient, tokenUri, clientId, clientSecret, scopes, format, refreshBeforeExpiry, clock, jsonMapper,
				ObservationRegistry.NOOP);
	}

	/**
	 * Create a provider that observes its token requests.
	 * @param webClient the client for the Account Server, without authentication
	 * @param tokenUri the token endpoint, usually {@code {accountServerUrl}/oauth/token}
	 * @param clientId the OAuth client id; trimmed of leading and trailing whitespace
	 * @param clientSecret the OAuth client secret; trimmed of leading and trailing whitespace
	 * @param scopes space-separated scopes to request, or {@code null} for the client's defaults
	 * @param format how the credentials are sent
	 * @param refreshBeforeExpiry how long before expiry a token is replaced
	 * @param clock the clock used for expiry
	 * @param jsonMapper the mapper used to read responses
	 * @param observationRegistry where token requests are observed ({@link ObservationRegistry#NOOP} for none)
	 * @since 0.1.0
	 */
	public ClientCredentialsTokenProvider(WebClient webClient, URI tokenUri, String clientId, String clientSecret,
			@Nullable String scopes, TokenRequestFormat format, Duration refreshBeforeExpiry, Clock clock,
			JsonMapper jsonMapper, ObservationRegistry observationRegistry) {
		this(webClient, tokenUri, clientId, clientSecret, scopes, format, refreshBeforeExpiry, clock, jsonMapper,
				observationRegistry, ExchangeRetry.none());
	}

	/**
	 * Create a provider that observes and retries its token requests.
	 * @param webClient the client for the Account Server, without authentication
	 * @param tokenUri the token endpoint, usually {@code {accountServerUrl}/oauth/token}
	 * @param clientId the OAuth client id
	 * @param clientSecret the OAuth client secret
	 * @param scopes space-separated scopes to request, or {@code null} for the client's defaults
	 * @param format how the credentials are sent
	 * @param refreshBeforeExpiry how long before expiry a token is replaced
	 * @param clock the clock used for expiry
	 * @param jsonMapper the mapper used to read responses
	 * @param observationRegistry where token requests are observed ({@link ObservationRegistry#NOOP} for none)
	 * @param retry retries a token request as a whole, response body included; a token request is always
	 * repeatable (it changes nothing on the server but the tokens issued)
	 * @since 0.1.0
	 */
	public ClientCredentialsTokenProvider(WebClient webClient, URI tokenUri, String clientId, String clientSecret,
			@Nullable String scopes, TokenRequestFormat format, Duration refreshBeforeExpiry, Clock clock,
			JsonMapper jsonMapper, ObservationRegistry observationRegistry, ExchangeRetry retry) {
		this(() -> webClient, tokenUri, clientId, clientSecret, scopes, format, refreshBeforeExpiry, clock, jsonMapper,
				observationRegistry, retry);
	}

	/**
	 * Create a provider that observes and retries its token requests and builds its {@link WebClient} when it sends
	 * its first token request, so that an application pays for the connector and codecs behind it on its first call
	 * rather than at start-up.
	 * @param webClient supplies the client for the Account Server, without authentication; called once, by the
	 * first token request (an exception it throws fails that request, and the next one calls it again)
	 * @param tokenUri the token endpoint, usually {@code {accountServerUrl}/oauth/token}
	 * @param clientId the OAuth client id
	 * @param clientSecret the OAuth client secret
	 * @param scopes space-separated scopes to request, or {@code null} for the client's defaults
	 * @param format how the credentials are sent
	 * @param refreshBeforeExpiry how long before expiry a token is replaced
	 * @param clock the clock used for expiry
	 * @param jsonMapper the mapper used to read responses
	 * @param observationRegistry where token requests are observed ({@link ObservationRegistry#NOOP} for none)
	 * @param retry retries a token request as a whole, response body included
	 * @since 0.1.0
	 */
	public ClientCredentialsTokenProvider(Supplier<WebClient> webClient, URI tokenUri, String clientId,
			String clientSecret, @Nullable String scopes, TokenRequestFormat format, Duration refreshBeforeExpiry,
			Clock clock, JsonMapper jsonMapper, ObservationRegistry observationRegistry, ExchangeRetry retry) {
		Assert.hasText(clientId, "clientId must not be empty");
		Assert.hasText(clientSecret, "clientSecret must not be empty");
		Assert.isTrue(!refreshBeforeExpiry.isNegative(), "refreshBeforeExpiry must not be negative");
		this.webClient = SingletonSupplier.of(webClient);
		this.tokenUri = tokenUri;
		this.clientId = clientId.trim();
		this.clientSecret = clientSecret.trim();
		this.scopes = StringUtils.hasText(scopes) ? scopes.trim() : null;
		this.format = format;
		this.refreshBeforeExpiry = refreshBeforeExpiry;
		this.clock = clock;
		this.jsonMapper = jsonMapper;
		this.errorMapper = new ErrorResponseMapper(jsonMapper, clock);
		this.observationRegistry = observationRegistry;
		this.retry = retry;
	}

	/**
	 * Replace the convention of the {@code interactor.client.token} observation; set it before first use.
	 * @param observationConvention the convention, or {@code null} for
	 * {@link DefaultTokenRequestObservationConvention}
	 * @since 0.1.0
	 */
	public void setObservationConvention(@Nullable TokenRequestObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	@Override
	public Mono<AccessToken> getToken() {
		return Mono.defer(() -> {
			AccessToken token = this.current.get();
			if (token != null && isFresh(token)) {
				return Mono.just(token);
			}
			return sharedRequest();
		});
	}

	@Override
	public void invalidate(AccessToken token) {
		if (this.current.compareAndSet(token, null)) {
			logger.debug("Cached Interactor access token invalidated");
		}
	}

	/**
	 * The cached token, without fetching one.
	 * @return the token last obtained, possibly stale, or {@code null}
	 */
	public @Nullable AccessToken cachedToken() {
		return this.current.get();
	}

	/**
	 * Whether {@code token} is still used by {@link #getToken()} without a new request, that is, it is not within
	 * the refresh margin of its expiry.
	 * @param token a token, usually {@link #cachedToken()}
	 * @return {@code true} if a {@link #getToken()} now would return it without a request
	 */
	public boolean isFresh(AccessToken token) {
		Duration lifetime = Duration.between(token.issuedAt(), token.expiresAt());
		Duration margin = this.refreshBeforeExpiry;
		if (margin.compareTo(lifetime.dividedBy(2)) > 0) {
			margin = lifetime.dividedBy(2);
		}
		return this.clock.instant().isBefore(token.expiresAt().minus(margin));
	}

	/**
	 * How long the last completed token request took, successful or not.
	 * @return the duration, or {@code null} before the first request completed
	 */
	public @Nullable Duration lastRequestDuration() {
		return this.lastRequestDuration;
	}

	/**
	 * Why the last token request failed, as an {@link AccessTokenErrors} code (for example {@code invalid_client}).
	 * @return the code, or {@code null} if the last request succeeded or none was made
	 */
	public @Nullable String lastFailureCode() {
		return this.lastFailureCode;
	}

	private Mono<AccessToken> sharedRequest() {
		while (true) {
			Mono<AccessToken> existing = this.inFlight.get();
			if (existing != null) {
				return existing;
			}
			// The request the caller saw no fresh token for may have completed since: it stores the token before it
			// clears the slot, so a fresh token is found here and no second request is made.
			AccessToken stored = this.current.get();
			if (stored != null && isFresh(stored)) {
				return Mono.just(stored);
			}
			AtomicReference<@Nullable Mono<AccessToken>> self = new AtomicReference<>();
			// Clear the in-flight slot before the result reaches any caller, so a caller that runs on as soon as
			// it has the token can never pick up this completed request again once the token goes stale.
			AtomicLong start = new AtomicLong();
			Mono<AccessToken> request = requestToken()
				.doOnSubscribe((subscription) -> start.set(System.nanoTime()))
				.doOnNext((token) -> {
					// A token that expired on arrival serves the callers of this request only.
					this.current.set(token.expiresAt().isAfter(token.issuedAt()) ? token : null);
					this.lastRequestDuration = Duration.ofNanos(System.nanoTime() - start.get());
					this.lastFailureCode = null;
					this.inFlight.compareAndSet(self.get(), null);
				})
				.doOnError((ex) -> {
					this.lastRequestDuration = Duration.ofNanos(System.nanoTime() - start.get());
					this.lastFailureCode = AccessTokenErrors.codeOf(ex);
					this.inFlight.compareAndSet(self.get(), null);
				})
				.cache();
			self.set(request);
			if (this.inFlight.compareAndSet(null, request)) {
				return request;
			}
		}
	}

	private Mono<AccessToken> requestToken() {
		// One observation per token request, whatever number of callers share it (single-flight).
		return Mono.defer(() -> {
			TokenRequestObservationContext context = new TokenRequestObservationContext();
			return ReactorObservations.observe(this.observationRegistry,
					() -> InteractorClientObservationDocumentation.TOKEN_REQUEST.observation(this.observationConvention,
							DEFAULT_CONVENTION, () -> context, this.observationRegistry),
					(observation) -> exchangeToken().doOnNext((token) -> context.setExpiresAt(token.expiresAt())));
		});
	}

	private Mono<AccessToken> exchangeToken() {
		return Mono.defer(() -> {
			logger.debug("Requesting Interactor access token (" + this.format.name().toLowerCase(java.util.Locale.ROOT) + " request)");
			WebClient.RequestBodySpec spec = this.webClient.obtain().post()
				.uri(this.tokenUri)
				.attribute(WEB_CLIENT_URI_TEMPLATE_ATTRIBUTE, "/oauth/token")
				.accept(MediaType.APPLICATION_JSON);
			WebClient.RequestHeadersSpec<?> request = switch (this.format) {
				case JSON -> spec.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(this.jsonMapper.writeValueAsBytes(jsonBody()));
				case FORM -> spec.contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.body(BodyInserters.fromFormData(formBody(true)));
				case BASIC -> spec.headers((headers) -> headers.setBasicAuth(this.clientId, this.clientSecret,
						StandardCharsets.UTF_8))
					.contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.body(BodyInserters.fromFormData(formBody(false)));
			};
			// The body is read inside the retry: a token response cut short is retried like a refused connection.
			return this.retry.exchange(request, (response) -> response.bodyToMono(byte[].class)
				.defaultIfEmpty(new byte[0])
				.flatMap((body) -> {
					int status = response.statusCode().value();
					if (response.statusCode().is2xxSuccessful()) {
						return Mono.just(readToken(body));
					}
					return Mono.error(this.errorMapper.tokenEndpointError(status, response.headers().asHttpHeaders(),
							body));
				}), true, "Interactor token request to " + this.tokenUri);
		});
	}

	private Map<String, String> jsonBody() {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("grant_type", "client_credentials");
		body.put("client_id", this.clientId);
		body.put("client_secret", this.clientSecret);
		if (this.scopes != null) {
			body.put("scope", this.scopes);
		}
		return body;
	}

	private MultiValueMap<String, String> formBody(boolean withCredentials) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		if (withCredentials) {
			form.add("client_id", this.clientId);
			form.add("client_secret", this.clientSecret);
		}
		if (this.scopes != null) {
			form.add("scope", this.scopes);
		}
		return form;
	}

	private AccessToken readToken(byte[] body) {
		JsonNode root;
		try {
			root = this.jsonMapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new InteractorException("The Interactor token endpoint returned a body that is not JSON");
		}
		JsonNode data = (root.path("data").isObject()) ? root.get("data") : root;
		JsonNode accessToken = data.get("access_token");
		if (accessToken == null || !accessToken.isString() || accessToken.asString().isBlank()) {
			throw new InteractorException("The Interactor token response has no access_token");
		}
		Duration lifetime = lifetime(data.get("expires_in"));
		JsonNode scope = data.get("scope");
		Instant now = this.clock.instant();
		return new AccessToken(accessToken.asString(), now, now.plus(lifetime),
				(scope != null && scope.isString()) ? scope.asString() : null);
	}

	/**
	 * The lifetime an {@code expires_in} gives: a JSON number or a numeric string, in seconds, fractions kept to the
	 * millisecond; zero for a value of zero or less (the token is used by the requests waiting for it, never
	 * cached); {@link #DEFAULT_LIFETIME} when it is absent or not a number; at most {@link #MAX_LIFETIME}.
	 */
	static Duration lifetime(@Nullable JsonNode expiresIn) {
		if (expiresIn == null || !(expiresIn.isNumber() || expiresIn.isString())) {
			return DEFAULT_LIFETIME;
		}
		String text = expiresIn.asString().trim();
		if (!DECIMAL.matcher(text).matches()) {
			return DEFAULT_LIFETIME;
		}
		BigDecimal seconds;
		try {
			seconds = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			// An exponent beyond the int range.
			return DEFAULT_LIFETIME;
		}
		if (seconds.signum() <= 0) {
			return Duration.ZERO;
		}
		// Compared before any scaling, so that an exponent such as 1e-999999999 costs nothing.
		if (seconds.compareTo(MAX_LIFETIME_SECONDS) >= 0) {
			return MAX_LIFETIME;
		}
		if (seconds.compareTo(ONE_MILLISECOND) <= 0) {
			return Duration.ofMillis(1);
		}
		return Duration.ofMillis(seconds.movePointRight(3).setScale(0, RoundingMode.DOWN).longValueExact());
	}

	@Override
	public String toString() {
		return "ClientCredentialsTokenProvider{tokenUri=" + this.tokenUri + ", clientId=" + this.clientId
				+ ", format=" + this.format + "}";
	}

}
