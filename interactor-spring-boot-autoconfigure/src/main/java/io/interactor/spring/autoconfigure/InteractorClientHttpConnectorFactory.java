package io.interactor.spring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.interactor.spring.autoconfigure.InteractorProperties.Http;
import org.jspecify.annotations.Nullable;
import reactor.netty.transport.ProxyProvider;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Builds the one {@link ClientHttpConnector} the token endpoint and Core API calls share, with Spring Boot's
 * {@link ClientHttpConnectorBuilder} (so its connector choice and {@code ClientHttpConnectorBuilderCustomizer}s
 * apply, with Reactor Netty its shared resources and pool) and Spring Boot's {@link HttpClientSettings}, overridden
 * where {@code interactor.http.*} says so:
 * <ul>
 * <li>timeouts: {@code interactor.http.*-timeout} when set, else Boot's, else 5 s connect and 30 s response;</li>
 * <li>TLS: the SSL bundle {@code interactor.http.ssl.bundle} names when set, else Boot's;</li>
 * <li>proxy (Reactor Netty): {@code interactor.http.proxy.*} when a host is set, else the one a
 * {@code ClientHttpConnectorBuilderCustomizer} configured, else the JVM's proxy system properties.</li>
 * </ul>
 */
final class InteractorClientHttpConnectorFactory {

	private static final boolean REACTOR_NETTY_PRESENT = ClassUtils.isPresent("reactor.netty.http.client.HttpClient",
			InteractorClientHttpConnectorFactory.class.getClassLoader());

	private final Http properties;

	private final @Nullable SslBundles sslBundles;

	InteractorClientHttpConnectorFactory(Http properties, @Nullable SslBundles sslBundles) {
		this.properties = properties;
		this.sslBundles = sslBundles;
	}

	ClientHttpConnector create(ClientHttpConnectorBuilder<?> builder, HttpClientSettings bootSettings) {
		return withProxy(builder).build(settings(bootSettings));
	}

	/**
	 * Checks what {@link #create} would reject (an unknown SSL bundle, a proxy without port, a proxy for a
	 * connector other than Reactor Netty's) without creating the connector.
	 * @param builder the builder the connector would be created with
	 * @throws InvalidConfigurationPropertyValueException naming the property at fault
	 */
	void check(ClientHttpConnectorBuilder<?> builder) {
		withProxy(builder);
		String bundle = this.properties.getSsl().getBundle();
		if (StringUtils.hasText(bundle)) {
			sslBundle(bundle);
		}
	}

	HttpClientSettings settings(HttpClientSettings bootSettings) {
		Duration connectTimeout = firstNonNull(this.properties.getConnectTimeout(), bootSettings.connectTimeout(),
				Http.DEFAULT_CONNECT_TIMEOUT);
		Duration responseTimeout = firstNonNull(this.properties.getResponseTimeout(), bootSettings.readTimeout(),
				Http.DEFAULT_RESPONSE_TIMEOUT);
		HttpClientSettings settings = bootSettings.withTimeouts(connectTimeout, responseTimeout);
		String bundle = this.properties.getSsl().getBundle();
		return StringUtils.hasText(bundle) ? settings.withSslBundle(sslBundle(bundle)) : settings;
	}

	private SslBundle sslBundle(String name) {
		if (this.sslBundles == null) {
			throw new InvalidConfigurationPropertyValueException("interactor.http.ssl.bundle", name,
					"No SSL bundles are available: define the bundle under spring.ssl.bundle.");
		}
		try {
			return this.sslBundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidConfigurationPropertyValueException("interactor.http.ssl.bundle", name,
					"No SSL bundle with this name is configured; define it under spring.ssl.bundle.pem." + name
							+ " or spring.ssl.bundle.jks." + name + ".");
		}
	}

	private ClientHttpConnectorBuilder<?> withProxy(ClientHttpConnectorBuilder<?> builder) {
		Http.Proxy proxy = this.properties.getProxy();
		boolean explicit = StringUtils.hasText(proxy.getHost());
		if (explicit && proxy.getPort() == null) {
			throw new InvalidConfigurationPropertyValueException("interactor.http.proxy.port", null,
					"The port of the proxy is required when interactor.http.proxy.host is set.");
		}
		if (REACTOR_NETTY_PRESENT && builder instanceof ReactorClientHttpConnectorBuilder reactor) {
			return ReactorProxy.apply(reactor, explicit ? proxy : null);
		}
		if (explicit) {
			throw new InvalidConfigurationPropertyValueException("interactor.http.proxy.host", proxy.getHost(),
					"A proxy can only be configured here for the Reactor Netty connector, but the connector is "
							+ builder.getClass().getSimpleName()
							+ "; set spring.http.clients.reactive.connector=reactor or configure the proxy with a "
							+ "ClientHttpConnectorBuilderCustomizer.");
		}
		return builder;
	}

	/**
	 * The regular expression Reactor Netty matches host names against for {@code non-proxy-hosts} patterns.
	 * @param patterns host names or addresses where {@code *} matches any characters
	 * @return a case-insensitive regular expression, or {@code null} when there are no patterns
	 */
	static @Nullable String nonProxyHostsRegex(List<String> patterns) {
		String alternatives = patterns.stream()
			.map(String::trim)
			.filter(StringUtils::hasText)
			.map((pattern) -> List.of(pattern.split("\\*", -1))
				.stream()
				.map((part) -> part.isEmpty() ? "" : Pattern.quote(part))
				.collect(Collectors.joining(".*")))
			.collect(Collectors.joining("|"));
		return alternatives.isEmpty() ? null : "(?i)(" + alternatives + ")";
	}

	private static Duration firstNonNull(@Nullable Duration first, @Nullable Duration second, Duration fallback) {
		return (first != null) ? first : (second != null) ? second : fallback;
	}

	/**
	 * Kept apart so that Reactor Netty classes are only loaded when the connector is Reactor Netty's.
	 */
	private static final class ReactorProxy {

		static ReactorClientHttpConnectorBuilder apply(ReactorClientHttpConnectorBuilder builder,
				Http.@Nullable Proxy proxy) {
			if (proxy == null) {
				// A proxy the application configured through Spring Boot's builder is kept: without JVM proxy
				// properties, proxyWithSystemProperties() would remove it.
				return builder.withHttpClientCustomizer((httpClient) -> httpClient.configuration().hasProxy()
						? httpClient : httpClient.proxyWithSystemProperties());
			}
			return builder.withHttpClientCustomizer((httpClient) -> httpClient.proxy((spec) -> {
				ProxyProvider.Builder proxyBuilder = spec
					.type((proxy.getType() == Http.Proxy.Type.SOCKS5) ? ProxyProvider.Proxy.SOCKS5
							: ProxyProvider.Proxy.HTTP)
					.host(proxy.getHost())
					.port(proxy.getPort());
				if (StringUtils.hasText(proxy.getUsername())) {
					String password = proxy.getPassword();
					proxyBuilder.username(proxy.getUsername()).password((username) -> password);
				}
				String nonProxyHosts = nonProxyHostsRegex(proxy.getNonProxyHosts());
				if (nonProxyHosts != null) {
					proxyBuilder.nonProxyHosts(nonProxyHosts);
				}
			}));
		}

	}

}
