package io.interactor.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.interactor.spring.client.auth.TokenRequestFormat;
import io.interactor.spring.client.core.InteractorEnvironment;
import io.interactor.spring.webhook.idempotency.IdempotencyStoreType;
import io.interactor.spring.webhook.signature.SignatureScheme;
import io.interactor.spring.autoconfigure.UnresolvedInteractorPlaceholderException.UnresolvedValue;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for the Interactor starter, bound from {@code interactor.*}. The environment variables
 * the platform documents ({@code INTERACTOR_CLIENT_ID}, {@code INTERACTOR_CLIENT_SECRET}, ...) bind to these names;
 * {@link InteractorEnvironmentPostProcessor} maps the two spellings of the previous webhook secret.
 * <p>
 * Once bound, the properties are {@link #validate() validated}: a value still holding a {@code ${...}} placeholder
 * (say {@code secret: ${INTERACTOR_WEBHOOK_SECRET}} while that variable is not set) fails the start-up instead of
 * being used as it is.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("interactor")
public class InteractorProperties implements InitializingBean {

	private static final String REDACTED = "******";

	/**
	 * OAuth client id of the application (client credentials grant). Environment variable:
	 * INTERACTOR_CLIENT_ID.
	 */
	private @Nullable String clientId;

	/**
	 * OAuth client secret of the application. Environment variable: INTERACTOR_CLIENT_SECRET.
	 */
	private @Nullable String clientSecret;

	/**
	 * Space-separated scopes to request with the access token. Sent as-is and only when set. Environment variable:
	 * INTERACTOR_SCOPES.
	 */
	private @Nullable String scopes;

	/**
	 * Deployment whose base URLs are used unless 'account-server-url' or 'core-api-url' are set.
	 */
	private InteractorEnvironment environment = InteractorEnvironment.PRODUCTION;

	/**
	 * Base URL of the Account Server, overriding the environment preset. Environment variable:
	 * INTERACTOR_ACCOUNT_SERVER_URL.
	 */
	private @Nullable String accountServerUrl;

	/**
	 * Base URL of the Core API, overriding the environment preset. Environment variable: INTERACTOR_CORE_API_URL.
	 */
	private @Nullable String coreApiUrl;

	private final Token token = new Token();

	private final Http http = new Http();

	private final Retry retry = new Retry();

	private final Webhook webhook = new Webhook();

	private final Metrics metrics = new Metrics();

	public @Nullable String getClientId() {
		return this.clientId;
	}

	public void setClientId(@Nullable String clientId) {
		this.clientId = clientId;
	}

	public @Nullable String getClientSecret() {
		return this.clientSecret;
	}

	public void setClientSecret(@Nullable String clientSecret) {
		this.clientSecret = clientSecret;
	}

	public @Nullable String getScopes() {
		return this.scopes;
	}

	public void setScopes(@Nullable String scopes) {
		this.scopes = scopes;
	}

	public InteractorEnvironment getEnvironment() {
		return this.environment;
	}

	public void setEnvironment(InteractorEnvironment environment) {
		this.environment = environment;
	}

	public @Nullable String getAccountServerUrl() {
		return this.accountServerUrl;
	}

	public void setAccountServerUrl(@Nullable String accountServerUrl) {
		this.accountServerUrl = accountServerUrl;
	}

	public @Nullable String getCoreApiUrl() {
		return this.coreApiUrl;
	}

	public void setCoreApiUrl(@Nullable String coreApiUrl) {
		this.coreApiUrl = coreApiUrl;
	}

	/**
	 * The Account Server base URL in effect: the explicit one, else the environment preset.
	 * @return the effective Account Server base URL
	 */
	public String determineAccountServerUrl() {
		return StringUtils.hasText(this.accountServerUrl) ? this.accountServerUrl.trim()
				: this.environment.accountServerUrl();
	}

	/**
	 * The Core API base URL in effect: the explicit one, else the environment preset.
	 * @return the effective Core API base URL
	 */
	public String determineCoreApiUrl() {
		return StringUtils.hasText(this.coreApiUrl) ? this.coreApiUrl.trim() : this.environment.coreApiUrl();
	}

	public Token getToken() {
		return this.token;
	}

	public Http getHttp() {
		return this.http;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Webhook getWebhook() {
		return this.webhook;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	@Override
	public void afterPropertiesSet() {
		validate();
	}

	/**
	 * Check that no text value (credentials, secrets, URLs, names) still contains an unresolved {@code ${...}}
	 * placeholder. Called once the properties are bound.
	 * @throws UnresolvedInteractorPlaceholderException naming every such property and its environment variable
	 * (never the value)
	 */
	public void validate() {
		List<UnresolvedValue> unresolved = new ArrayList<>();
		check(unresolved, "interactor.client-id", this.clientId);
		check(unresolved, "interactor.client-secret", this.clientSecret);
		check(unresolved, "interactor.scopes", this.scopes);
		check(unresolved, "interactor.account-server-url", this.accountServerUrl);
		check(unresolved, "interactor.core-api-url", this.coreApiUrl);
		check(unresolved, "interactor.http.ssl.bundle", this.http.getSsl().getBundle());
		Http.Proxy proxy = this.http.getProxy();
		check(unresolved, "interactor.http.proxy.host", proxy.getHost());
		check(unresolved, "interactor.http.proxy.username", proxy.getUsername());
		check(unresolved, "interactor.http.proxy.password", proxy.getPassword());
		check(unresolved, "interactor.http.proxy.non-proxy-hosts", proxy.getNonProxyHosts());
		check(unresolved, "interactor.webhook.path", this.webhook.getPath());
		check(unresolved, "interactor.webhook.secret", this.webhook.getSecret());
		check(unresolved, "interactor.webhook.previous-secrets", this.webhook.getPreviousSecrets());
		check(unresolved, "interactor.webhook.idempotency.key-prefix", this.webhook.getIdempotency().getKeyPrefix());
		if (!unresolved.isEmpty()) {
			throw new UnresolvedInteractorPlaceholderException(null, unresolved);
		}
	}

	private static void check(List<UnresolvedValue> unresolved, String property, @Nullable String value) {
		if (UnresolvedInteractorPlaceholderException.isUnresolved(value)) {
			unresolved.add(UnresolvedInteractorPlaceholderException.property(property, value));
		}
	}

	private static void check(List<UnresolvedValue> unresolved, String property, List<String> values) {
		for (int i = 0; i < values.size(); i++) {
			check(unresolved, property + "[" + i + "]", values.get(i));
		}
	}

	@Override
	public String toString() {
		return "InteractorProperties{clientId=" + this.clientId + ", clientSecret=" + redact(this.clientSecret)
				+ ", scopes=" + this.scopes + ", environment=" + this.environment + ", accountServerUrl="
				+ determineAccountServerUrl() + ", coreApiUrl=" + determineCoreApiUrl() + ", token=" + this.token
				+ ", http=" + this.http + ", retry=" + this.retry + ", webhook=" + this.webhook + ", metrics="
				+ this.metrics + "}";
	}

	static String redact(@Nullable String secret) {
		return (secret != null) ? REDACTED : "null";
	}

	/**
	 * Access-token settings.
	 */
	public static class Token {

		/**
		 * How long before its expiry a cached access token is replaced.
		 */
		private Duration refreshBeforeExpiry = Duration.ofSeconds(60);

		/**
		 * How the client credentials are sent to the token endpoint.
		 */
		private TokenRequestFormat requestFormat = TokenRequestFormat.JSON;

		public Duration getRefreshBeforeExpiry() {
			return this.refreshBeforeExpiry;
		}

		public void setRefreshBeforeExpiry(Duration refreshBeforeExpiry) {
			this.refreshBeforeExpiry = refreshBeforeExpiry;
		}

		public TokenRequestFormat getRequestFormat() {
			return this.requestFormat;
		}

		public void setRequestFormat(TokenRequestFormat requestFormat) {
			this.requestFormat = requestFormat;
		}

		@Override
		public String toString() {
			return "{refreshBeforeExpiry=" + this.refreshBeforeExpiry + ", requestFormat=" + this.requestFormat + "}";
		}

	}

	/**
	 * HTTP transport settings shared by the Account Server and Core API calls. The connector is built with Spring
	 * Boot's {@code ClientHttpConnectorBuilder} and {@code HttpClientSettings} ({@code spring.http.clients.*}), so
	 * Boot's connector choice, redirect handling, SSL bundle and timeouts apply unless set here.
	 */
	public static class Http {

		/** Connect timeout used when neither this starter nor Spring Boot sets one. */
		public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

		/** Response timeout used when neither this starter nor Spring Boot sets one. */
		public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);

		/**
		 * Timeout for establishing a TCP connection. When not set, Spring Boot's
		 * 'spring.http.clients.connect-timeout' applies, and without that 5s.
		 */
		private @Nullable Duration connectTimeout;

		/**
		 * Timeout for the response of one attempt (time to the response and between reads). When not set, Spring
		 * Boot's 'spring.http.clients.read-timeout' applies, and without that 30s.
		 */
		private @Nullable Duration responseTimeout;

		private final Ssl ssl = new Ssl();

		private final Proxy proxy = new Proxy();

		public @Nullable Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(@Nullable Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public @Nullable Duration getResponseTimeout() {
			return this.responseTimeout;
		}

		public void setResponseTimeout(@Nullable Duration responseTimeout) {
			this.responseTimeout = responseTimeout;
		}

		public Ssl getSsl() {
			return this.ssl;
		}

		public Proxy getProxy() {
			return this.proxy;
		}

		@Override
		public String toString() {
			return "{connectTimeout=" + this.connectTimeout + ", responseTimeout=" + this.responseTimeout + ", ssl="
					+ this.ssl + ", proxy=" + this.proxy + "}";
		}

		/**
		 * TLS settings of the calls.
		 */
		public static class Ssl {

			/**
			 * Name of the SSL bundle (spring.ssl.bundle.*) whose trust material, and key material for mutual TLS,
			 * the calls use. When not set, Spring Boot's 'spring.http.clients.ssl.bundle' applies, and without that
			 * the JVM's default trust store. An unknown name fails the start-up.
			 */
			private @Nullable String bundle;

			public @Nullable String getBundle() {
				return this.bundle;
			}

			public void setBundle(@Nullable String bundle) {
				this.bundle = bundle;
			}

			@Override
			public String toString() {
				return "{bundle=" + this.bundle + "}";
			}

		}

		/**
		 * The proxy the calls go through. Needs the Reactor Netty connector (the default). When no host is set,
		 * the proxy named by the JVM's https.proxyHost, http.proxyHost, http.nonProxyHosts and socksProxyHost
		 * system properties is used, if any.
		 */
		public static class Proxy {

			/**
			 * Host name or IP address of the proxy; setting it routes every call through the proxy except those to
			 * 'non-proxy-hosts'.
			 */
			private @Nullable String host;

			/**
			 * Port of the proxy; required with 'host'.
			 */
			private @Nullable Integer port;

			/**
			 * Protocol spoken with the proxy: 'http' (a CONNECT tunnel) or 'socks5'.
			 */
			private Type type = Type.HTTP;

			/**
			 * User name for proxy authentication (Basic for an HTTP proxy); none by default.
			 */
			private @Nullable String username;

			/**
			 * Password for proxy authentication.
			 */
			private @Nullable String password;

			/**
			 * Hosts reached directly, bypassing the proxy: names or addresses, where '*' matches any characters,
			 * e.g. 'localhost', '*.internal.example.com' or '10.*'. Compared without regard to case.
			 */
			private List<String> nonProxyHosts = new ArrayList<>();

			public @Nullable String getHost() {
				return this.host;
			}

			public void setHost(@Nullable String host) {
				this.host = host;
			}

			public @Nullable Integer getPort() {
				return this.port;
			}

			public void setPort(@Nullable Integer port) {
				this.port = port;
			}

			public Type getType() {
				return this.type;
			}

			public void setType(Type type) {
				this.type = type;
			}

			public @Nullable String getUsername() {
				return this.username;
			}

			public void setUsername(@Nullable String username) {
				this.username = username;
			}

			public @Nullable String getPassword() {
				return this.password;
			}

			public void setPassword(@Nullable String password) {
				this.password = password;
			}

			public List<String> getNonProxyHosts() {
				return this.nonProxyHosts;
			}

			public void setNonProxyHosts(List<String> nonProxyHosts) {
				this.nonProxyHosts = nonProxyHosts;
			}

			@Override
			public String toString() {
				return "{host=" + this.host + ", port=" + this.port + ", type=" + this.type + ", username="
						+ this.username + ", password=" + redact(this.password) + ", nonProxyHosts="
						+ this.nonProxyHosts + "}";
			}

			/**
			 * Protocol spoken with a proxy.
			 */
			public enum Type {

				/** An HTTP proxy, which tunnels each connection with CONNECT. */
				HTTP,

				/** A SOCKS version 5 proxy. */
				SOCKS5

			}

		}

	}

	/**
	 * Retry settings for transient failures (408, 429, 502, 503, 504 and I/O errors).
	 */
	public static class Retry {

		/**
		 * Maximum number of retries after the first attempt; 0 disables retries.
		 */
		private int maxRetries = 3;

		/**
		 * Back-off before the first retry; doubled for each further retry, plus random jitter.
		 */
		private Duration initialBackoff = Duration.ofSeconds(1);

		/**
		 * Upper bound of the exponential back-off.
		 */
		private Duration maxBackoff = Duration.ofSeconds(30);

		/**
		 * Upper bound for a server-sent Retry-After; a longer value is capped to this.
		 */
		private Duration maxRetryAfter = Duration.ofSeconds(60);

		public int getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

		@Override
		public String toString() {
			return "{maxRetries=" + this.maxRetries + ", initialBackoff=" + this.initialBackoff + ", maxBackoff="
					+ this.maxBackoff + ", maxRetryAfter=" + this.maxRetryAfter + "}";
		}

	}

	/**
	 * Settings of the inbound webhook endpoint.
	 */
	public static class Webhook {

		/**
		 * Whether the webhook endpoint is registered when handler methods exist.
		 */
		private boolean enabled = true;

		/**
		 * Path of the webhook endpoint.
		 */
		private String path = "/webhooks/interactor";

		/**
		 * Whether the start-up fails when @InteractorWebhook handlers exist but the application is not a web
		 * application, so no endpoint could receive deliveries. Turn off to dispatch deliveries yourself through the
		 * WebhookDispatcher bean, e.g. from a queue or in a test without a web environment.
		 */
		private boolean requireWebApplication = true;

		/**
		 * Signing secret of the webhook (whsec_...). Environment variable: INTERACTOR_WEBHOOK_SECRET.
		 */
		private @Nullable String secret;

		/**
		 * Previous signing secrets still accepted during a rotation. Environment variables:
		 * INTERACTOR_WEBHOOK_SECRET_OLD, INTERACTOR_WEBHOOK_SECRET_PREVIOUS.
		 */
		private List<String> previousSecrets = new ArrayList<>();

		/**
		 * Maximum difference, in both directions, between the signature timestamp and the local clock.
		 */
		private Duration tolerance = Duration.ofMinutes(5);

		/**
		 * Which bytes the signature covers: 'auto' accepts 'timestamped' then 'body'. A body-only signature does not
		 * cover the timestamp header, so it is accepted only with a timestamp in the envelope that is no older than
		 * the idempotency TTL less the tolerance (older replays could no longer be recognised as duplicates).
		 */
		private SignatureScheme signatureScheme = SignatureScheme.AUTO;

		/**
		 * Largest accepted request body; larger deliveries are rejected with 413 before being buffered.
		 */
		private DataSize maxPayloadSize = DataSize.ofMegabytes(1);

		private final Idempotency idempotency = new Idempotency();

		private final Security security = new Security();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public boolean isRequireWebApplication() {
			return this.requireWebApplication;
		}

		public void setRequireWebApplication(boolean requireWebApplication) {
			this.requireWebApplication = requireWebApplication;
		}

		public @Nullable String getSecret() {
			return this.secret;
		}

		public void setSecret(@Nullable String secret) {
			this.secret = secret;
		}

		public List<String> getPreviousSecrets() {
			return this.previousSecrets;
		}

		public void setPreviousSecrets(List<String> previousSecrets) {
			this.previousSecrets = previousSecrets;
		}

		public Duration getTolerance() {
			return this.tolerance;
		}

		public void setTolerance(Duration tolerance) {
			this.tolerance = tolerance;
		}

		public SignatureScheme getSignatureScheme() {
			return this.signatureScheme;
		}

		public void setSignatureScheme(SignatureScheme signatureScheme) {
			this.signatureScheme = signatureScheme;
		}

		public DataSize getMaxPayloadSize() {
			return this.maxPayloadSize;
		}

		public void setMaxPayloadSize(DataSize maxPayloadSize) {
			this.maxPayloadSize = maxPayloadSize;
		}

		public Idempotency getIdempotency() {
			return this.idempotency;
		}

		public Security getSecurity() {
			return this.security;
		}

		@Override
		public String toString() {
			return "{enabled=" + this.enabled + ", path=" + this.path + ", requireWebApplication="
					+ this.requireWebApplication + ", secret=" + redact(this.secret)
					+ ", previousSecrets=" + this.previousSecrets.size() + " redacted, tolerance=" + this.tolerance
					+ ", signatureScheme=" + this.signatureScheme + ", maxPayloadSize=" + this.maxPayloadSize
					+ ", idempotency=" + this.idempotency + ", security=" + this.security + "}";
		}

		/**
		 * Settings of the store that makes webhook processing idempotent.
		 */
		public static class Idempotency {

			/**
			 * Which store records processed deliveries: 'auto' uses Redis when the application has a
			 * RedisConnectionFactory bean (Spring Data Redis), else memory; 'memory' (one instance only) and 'redis'
			 * (shared by several instances) force the choice.
			 */
			private IdempotencyStoreType store = IdempotencyStoreType.AUTO;

			/**
			 * How long a processed delivery is remembered.
			 */
			private Duration ttl = Duration.ofDays(7);

			/**
			 * How long a claim of a delivery in progress blocks redeliveries before it lapses.
			 */
			private Duration processingTimeout = Duration.ofMinutes(5);

			/**
			 * Maximum number of keys the in-memory store keeps; the oldest are evicted first.
			 */
			private int maxEntries = 100_000;

			/**
			 * Prefix of the keys written to Redis.
			 */
			private String keyPrefix = "interactor:webhook:";

			public IdempotencyStoreType getStore() {
				return this.store;
			}

			public void setStore(IdempotencyStoreType store) {
				this.store = store;
			}

			public Duration getTtl() {
				return this.ttl;
			}

			public void setTtl(Duration ttl) {
				this.ttl = ttl;
			}

			public Duration getProcessingTimeout() {
				return this.processingTimeout;
			}

			public void setProcessingTimeout(Duration processingTimeout) {
				this.processingTimeout = processingTimeout;
			}

			public int getMaxEntries() {
				return this.maxEntries;
			}

			public void setMaxEntries(int maxEntries) {
				this.maxEntries = maxEntries;
			}

			public String getKeyPrefix() {
				return this.keyPrefix;
			}

			public void setKeyPrefix(String keyPrefix) {
				this.keyPrefix = keyPrefix;
			}

			@Override
			public String toString() {
				return "{store=" + this.store + ", ttl=" + this.ttl + ", processingTimeout=" + this.processingTimeout
						+ ", maxEntries=" + this.maxEntries + ", keyPrefix=" + this.keyPrefix + "}";
			}

		}

		/**
		 * Spring Security integration of the webhook endpoint.
		 */
		public static class Security {

			/**
			 * Whether a security filter chain lets the webhook path through without CSRF token or login (the
			 * signature authenticates each delivery).
			 */
			private boolean permitPath = true;

			public boolean isPermitPath() {
				return this.permitPath;
			}

			public void setPermitPath(boolean permitPath) {
				this.permitPath = permitPath;
			}

			@Override
			public String toString() {
				return "{permitPath=" + this.permitPath + "}";
			}

		}

	}

	/**
	 * Micrometer metrics of the client and the webhook endpoint (published when a MeterRegistry exists).
	 */
	public static class Metrics {

		/**
		 * Whether request, error, event stream and webhook meters carry a 'namespace' tag. Off by default: every
		 * namespace (often one per end user) becomes its own time series.
		 */
		private boolean namespaceTag;

		public boolean isNamespaceTag() {
			return this.namespaceTag;
		}

		public void setNamespaceTag(boolean namespaceTag) {
			this.namespaceTag = namespaceTag;
		}

		@Override
		public String toString() {
			return "{namespaceTag=" + this.namespaceTag + "}";
		}

	}

}
