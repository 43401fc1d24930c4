package io.interactor.spring.webhook.web;

import io.interactor.spring.webhook.dispatch.WebhookOutcome;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * The answer to a delivery on a reactive stack: writes the status, {@code Content-Type}, {@code Content-Length}, the
 * {@code Retry-After} when set, and the pre-encoded JSON as one buffer, without the message writers a
 * {@code bodyValue} goes through. Headers and cookies that a filter changes are written as they are.
 */
final class WebhookReactiveResponse implements ServerResponse {

	private final WebhookOutcome outcome;

	private final byte[] body;

	private final HttpHeaders headers;

	private @Nullable MultiValueMap<String, ResponseCookie> cookies;

	WebhookReactiveResponse(WebhookOutcome outcome) {
		this.outcome = outcome;
		this.body = WebhookResponseBody.bytes(outcome);
		this.headers = WebhookResponseBody.headers(outcome, this.body);
	}

	@Override
	public HttpStatusCode statusCode() {
		return WebhookResponseBody.status(this.outcome);
	}

	@Override
	public HttpHeaders headers() {
		return this.headers;
	}

	@Override
	public MultiValueMap<String, ResponseCookie> cookies() {
		MultiValueMap<String, ResponseCookie> cookies = this.cookies;
		if (cookies == null) {
			cookies = new LinkedMultiValueMap<>();
			this.cookies = cookies;
		}
		return cookies;
	}

	@Override
	public Mono<Void> writeTo(ServerWebExchange exchange, Context context) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(statusCode());
		response.getHeaders().putAll(this.headers);
		if (this.cookies != null) {
			this.cookies.values().forEach((cookies) -> cookies.forEach(response::addCookie));
		}
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(this.body)));
	}

}
