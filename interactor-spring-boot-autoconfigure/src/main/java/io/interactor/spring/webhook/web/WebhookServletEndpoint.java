package io.interactor.spring.webhook.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.interactor.spring.webhook.dispatch.WebhookDispatcher;
import io.interactor.spring.webhook.dispatch.WebhookOutcome.Result;
import io.interactor.spring.webhook.dispatch.WebhookOutcome;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The webhook endpoint for servlet (Spring MVC) applications: reads the raw body as bytes, never more than the
 * dispatcher's cap (a larger declared {@code Content-Length} is rejected before reading), and maps the
 * {@link WebhookOutcome} to the response. The route only matches while handlers are registered.
 */
public final class WebhookServletEndpoint {

	private final String path;

	private final WebhookDispatcher dispatcher;

	/**
	 * Create the endpoint.
	 * @param path the path to serve {@code POST} requests at
	 * @param dispatcher the dispatcher
	 */
	public WebhookServletEndpoint(String path, WebhookDispatcher dispatcher) {
		this.path = path;
		this.dispatcher = dispatcher;
	}

	/**
	 * The router function to register as a bean.
	 * @return the router function
	 */
	public RouterFunction<ServerResponse> routerFunction() {
		return RouterFunctions.route(RequestPredicates.POST(this.path).and((request) -> this.dispatcher.hasHandlers()),
				this::handle);
	}

	ServerResponse handle(ServerRequest request) throws IOException {
		HttpServletRequest servletRequest = request.servletRequest();
		long max = this.dispatcher.getMaxPayloadBytes();
		if (servletRequest.getContentLengthLong() > max) {
			return respond(WebhookOutcome.of(Result.PAYLOAD_TOO_LARGE));
		}
		byte[] body = readCapped(servletRequest.getInputStream(), max);
		if (body == null) {
			return respond(WebhookOutcome.of(Result.PAYLOAD_TOO_LARGE));
		}
		HttpHeaders headers = request.headers().asHttpHeaders();
		return respond(this.dispatcher.dispatch(headers, body));
	}

	/**
	 * Read a stream completely unless it holds more than {@code max} bytes.
	 * @param input the stream
	 * @param max the largest accepted size
	 * @return the bytes, or {@code null} as soon as more than {@code max} bytes were seen
	 * @throws IOException on read failure
	 */
	static byte @Nullable [] readCapped(InputStream input, long max) throws IOException {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		long total = 0;
		int read;
		while ((read = input.read(buffer, 0, (int) Math.min(buffer.length, max - total + 1))) != -1) {
			total += read;
			if (total > max) {
				return null;
			}
			output.write(buffer, 0, read);
		}
		return output.toByteArray();
	}

	private static ServerResponse respond(WebhookOutcome outcome) {
		ServerResponse.BodyBuilder builder = ServerResponse.status(outcome.status())
			.contentType(MediaType.APPLICATION_JSON);
		if (outcome.retryAfterSeconds() != null) {
			builder.header(HttpHeaders.RETRY_AFTER, Long.toString(outcome.retryAfterSeconds()));
		}
		return builder.body(outcome.body().getBytes(StandardCharsets.UTF_8));
	}

}
