package io.interactor.spring.client.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;

import io.interactor.spring.client.error.InteractorException;
import io.interactor.spring.client.error.InteractorNetworkException;
import io.interactor.spring.client.error.InteractorTimeoutException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures count as transport errors, which of them certainly happened before the request was sent (and so
 * may be retried for a POST without an {@code Idempotency-Key}), and which are timeouts.
 */
class TransportErrorsTests {

	@Test
	void failuresToConnectHappenBeforeAnyByteIsSent() {
		assertThat(TransportErrors.isBeforeRequestSent(wrapped(new ConnectException("refused")))).isTrue();
		assertThat(TransportErrors.isBeforeRequestSent(wrapped(new UnknownHostException("nonexistent.invalid"))))
			.isTrue();
		assertThat(TransportErrors.isBeforeRequestSent(wrapped(new NoRouteToHostException()))).isTrue();
		assertThat(TransportErrors.isBeforeRequestSent(wrapped(new ConnectTimeoutException()))).isTrue();
	}

	@Test
	void failuresOnAnEstablishedConnectionMayComeAfterTheServerActed() {
		assertThat(TransportErrors.isBeforeRequestSent(wrapped(new SocketException("Connection reset")))).isFalse();
		assertThat(TransportErrors.isBeforeRequestSent(wrapped(PrematureCloseException.TEST_EXCEPTION))).isFalse();
		assertThat(TransportErrors.isBeforeRequestSent(PrematureCloseException.TEST_EXCEPTION)).isFalse();
		assertThat(TransportErrors.isBeforeRequestSent(ReadTimeoutException.INSTANCE)).isFalse();
		assertThat(TransportErrors.isBeforeRequestSent(new InteractorException("not a transport error"))).isFalse();
	}

	@Test
	void failuresAfterTheHeadersAreTransportErrorsToo() {
		assertThat(TransportErrors.isTransportError(PrematureCloseException.TEST_EXCEPTION)).isTrue();
		assertThat(TransportErrors.isTransportError(ReadTimeoutException.INSTANCE)).isTrue();
		assertThat(TransportErrors.isTransportError(new IOException("reset"))).isTrue();
		assertThat(TransportErrors.isTransportError(new InteractorNetworkException("token", new IOException())))
			.isFalse();
		assertThat(TransportErrors.isTransportError(new IllegalStateException())).isFalse();
	}

	@Test
	void timeoutsBecomeTimeoutExceptionsAndOtherFailuresNetworkExceptions() {
		assertThat(TransportErrors.toNetworkException("call", ReadTimeoutException.INSTANCE))
			.isInstanceOf(InteractorTimeoutException.class)
			.hasMessage("call (ReadTimeoutException)");
		assertThat(TransportErrors.toNetworkException("call", wrapped(new ConnectTimeoutException())))
			.isInstanceOf(InteractorTimeoutException.class);
		assertThat(TransportErrors.toNetworkException("call", PrematureCloseException.TEST_EXCEPTION))
			.isNotInstanceOf(InteractorTimeoutException.class)
			.hasCause(PrematureCloseException.TEST_EXCEPTION);
	}

	private static WebClientRequestException wrapped(Throwable cause) {
		return new WebClientRequestException(cause, HttpMethod.POST, URI.create("http://127.0.0.1/api/v1/rooms"),
				new HttpHeaders());
	}

}
