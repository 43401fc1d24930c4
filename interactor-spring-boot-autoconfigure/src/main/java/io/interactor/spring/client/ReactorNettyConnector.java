package io.interactor.spring.client;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

/**
 * Creates the Reactor Netty connector with the configured timeouts, going through the proxy the JVM's
 * {@code http(s).proxyHost}, {@code http.nonProxyHosts} and {@code socksProxyHost} system properties name, if any.
 * Kept apart so Reactor Netty is only loaded when it is on the classpath.
 */
final class ReactorNettyConnector {

	private ReactorNettyConnector() {
	}

	static ClientHttpConnector create(Duration connectTimeout, Duration responseTimeout) {
		HttpClient httpClient = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(connectTimeout.toMillis()))
			.responseTimeout(responseTimeout)
			.proxyWithSystemProperties();
		return new ReactorClientHttpConnector(httpClient);
	}

}
