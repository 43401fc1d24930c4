package io.interactor.spring.webhook.web;

import java.nio.charset.StandardCharsets;

import io.interactor.spring.webhook.dispatch.WebhookOutcome;
import io.interactor.spring.webhook.dispatch.WebhookOutcome.Result;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * The bytes and headers the endpoints answer for a {@link WebhookOutcome}: the JSON body of each result is encoded
 * once, so that a delivery is answered without a message converter or a header map copied per response.
 */
final class WebhookResponseBody {

	private static final Result[] RESULTS = Result.values();

	/** The JSON of each result by ordinal, as text and encoded once. */
	private static final String[] JSON = new String[RESULTS.length];

	private static final byte[][] ENCODED = new byte[RESULTS.length][];

	static {
		for (Result result : RESULTS) {
			JSON[result.ordinal()] = WebhookOutcome.of(result).body();
			ENCODED[result.ordinal()] = JSON[result.ordinal()].getBytes(StandardCharsets.UTF_8);
		}
	}

	private WebhookResponseBody() {
	}

	/**
	 * The body of an outcome, UTF-8.
	 * @param outcome the outcome
	 * @return the bytes, shared: never modify them
	 */
	static byte[] bytes(WebhookOutcome outcome) {
		int ordinal = outcome.result().ordinal();
		// An outcome carries its result's JSON; encode anything else as it is.
		return outcome.body().equals(JSON[ordinal]) ? ENCODED[ordinal] : outcome.body().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The headers of an outcome: {@code Content-Type}, {@code Content-Length} and, when set, {@code Retry-After}.
	 * @param outcome the outcome
	 * @param body its body
	 * @return new headers
	 */
	static HttpHeaders headers(WebhookOutcome outcome, byte[] body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setContentLength(body.length);
		if (outcome.retryAfterSeconds() != null) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(outcome.retryAfterSeconds()));
		}
		return headers;
	}

	static HttpStatusCode status(WebhookOutcome outcome) {
		return HttpStatusCode.valueOf(outcome.status());
	}

}
