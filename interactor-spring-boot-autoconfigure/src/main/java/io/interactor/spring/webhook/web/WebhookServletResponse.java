package io.interactor.spring.webhook.web;

import java.io.IOException;

import io.interactor.spring.webhook.dispatch.WebhookOutcome;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The answer to a delivery on a servlet stack: writes the status, {@code Content-Type}, {@code Content-Length}, the
 * {@code Retry-After} when set, and the pre-encoded JSON straight to the servlet response. The builder of
 * {@link ServerResponse} would copy a header map and look up a message converter for each delivery; the answer is
 * always a few known bytes. {@link #headers()} and {@link #cookies()} (for filters that inspect or change the
 * response) are built only when asked, and then written as they are.
 */
final class WebhookServletResponse implements ServerResponse {

	private final WebhookOutcome outcome;

	private final byte[] body;

	private @Nullable HttpHeaders headers;

	private @Nullable MultiValueMap<String, Cookie> cookies;

	WebhookServletResponse(WebhookOutcome outcome) {
		this.outcome = outcome;
		this.body = WebhookResponseBody.bytes(outcome);
	}

	@Override
	public HttpStatusCode statusCode() {
		return WebhookResponseBody.status(this.outcome);
	}

	@Override
	public HttpHeaders headers() {
		HttpHeaders headers = this.headers;
		if (headers == null) {
			headers = WebhookResponseBody.headers(this.outcome, this.body);
			this.headers = headers;
		}
		return headers;
	}

	@Override
	public MultiValueMap<String, Cookie> cookies() {
		MultiValueMap<String, Cookie> cookies = this.cookies;
		if (cookies == null) {
			cookies = new LinkedMultiValueMap<>();
			this.cookies = cookies;
		}
		return cookies;
	}

	@Override
	public @Nullable ModelAndView writeTo(HttpServletRequest request, HttpServletResponse response, Context context)
			throws IOException {
		response.setStatus(this.outcome.status());
		HttpHeaders headers = this.headers;
		if (headers == null) {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setContentLength(this.body.length);
			if (this.outcome.retryAfterSeconds() != null) {
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(this.outcome.retryAfterSeconds()));
			}
		}
		else {
			headers.forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		}
		if (this.cookies != null) {
			this.cookies.values().forEach((cookies) -> cookies.forEach(response::addCookie));
		}
		response.getOutputStream().write(this.body);
		return null;
	}

}
