package io.interactor.spring.test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.interactor.spring.webhook.WebhookSigner;
import io.interactor.spring.webhook.signature.WebhookSignatureVerifier;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Builds signed webhook deliveries like the platform sends them.
 */
public final class Deliveries {

	public static final String SECRET = "whsec_test_secret";

	private static final WebhookSigner SIGNER = new WebhookSigner(SECRET);

	private Deliveries() {
	}

	public static String body(String type, String id, String dataJson) {
		return body(type, id, dataJson, "\"2024-01-20T12:00:00Z\"");
	}

	/**
	 * A body with the given {@code timestamp} field.
	 * @param timestampJson the field's JSON value as written (e.g. {@code "\"2024-01-20T12:00:00Z\""} or
	 * {@code "1705752000"}), {@code null} to leave the field out
	 */
	public static String body(String type, String id, String dataJson, @Nullable String timestampJson) {
		return "{\"id\":\"" + id + "\",\"event\":\"" + type + "\","
				+ ((timestampJson != null) ? "\"timestamp\":" + timestampJson + "," : "") + "\"idempotency_key\":\"idem_"
				+ id + "\",\"namespace\":\"user_42\",\"data\":" + dataJson + "}";
	}

	/**
	 * Headers of a delivery signed over its body alone (the older scheme), with an {@code X-Interactor-Timestamp}
	 * the signature does not cover.
	 */
	public static HttpHeaders signBodyOnly(String body, Clock clock) {
		WebhookSigner signer = new WebhookSigner(SECRET, clock);
		HttpHeaders headers = signer.headers(null, bytes(body));
		headers.set(WebhookSignatureVerifier.SIGNATURE_HEADER, "sha256=" + signer.signBody(bytes(body)));
		return headers;
	}

	/** The JSON string of an instant in ISO-8601, as an envelope's timestamp. */
	public static String iso(Instant instant) {
		return "\"" + instant + "\"";
	}

	public static String body(String type) {
		return body(type, "evt_" + UUID.randomUUID(), "{\"message_id\":\"msg_1\",\"room_id\":\"room_1\","
				+ "\"role\":\"user\",\"content\":\"hello\",\"tool_calls\":null}");
	}

	public static HttpHeaders sign(String body) {
		return SIGNER.headers(null, body.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Post a delivery signed over {@code timestamp.body} to the endpoint's default path.
	 * @return the response, for the caller's expectations
	 */
	public static WebTestClient.ResponseSpec post(WebTestClient client, String body) {
		return client.post()
			.uri("/webhooks/interactor")
			.headers((headers) -> headers.addAll(sign(body)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(bytes(body))
			.exchange();
	}

	public static byte[] bytes(String body) {
		return body.getBytes(StandardCharsets.UTF_8);
	}

}
