package io.interactor.spring.test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.interactor.spring.webhook.WebhookSigner;

import org.springframework.http.HttpHeaders;

/**
 * Builds signed webhook deliveries like the platform sends them.
 */
public final class Deliveries {

	public static final String SECRET = "whsec_test_secret";

	private static final WebhookSigner SIGNER = new WebhookSigner(SECRET);

	private Deliveries() {
	}

	public static String body(String type, String id, String dataJson) {
		return "{\"id\":\"" + id + "\",\"event\":\"" + type + "\",\"timestamp\":\"2024-01-20T12:00:00Z\","
				+ "\"idempotency_key\":\"idem_" + id + "\",\"namespace\":\"user_42\",\"data\":" + dataJson + "}";
	}

	public static String body(String type) {
		return body(type, "evt_" + UUID.randomUUID(), "{\"message_id\":\"msg_1\",\"room_id\":\"room_1\","
				+ "\"role\":\"user\",\"content\":\"hello\",\"tool_calls\":null}");
	}

	public static HttpHeaders sign(String body) {
		return SIGNER.headers(null, body.getBytes(StandardCharsets.UTF_8));
	}

	public static byte[] bytes(String body) {
		return body.getBytes(StandardCharsets.UTF_8);
	}

}
