package io.interactor.spring.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;

import io.interactor.spring.webhook.signature.HmacWebhookSignatureVerifier;
import io.interactor.spring.webhook.signature.WebhookSignatureVerifier;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;

/**
 * Signs webhook bodies the way Interactor does, producing the headers of a real delivery. Meant for tests and for
 * tools that replay events: {@code X-Interactor-Signature: sha256=<hex>} over {@code timestamp + "." + body},
 * {@code X-Interactor-Timestamp} in Unix seconds, {@code X-Interactor-Event}, a fresh {@code X-Interactor-Delivery}
 * per call, and {@code Content-Type: application/json}.
 *
 * @since 0.1.0
 */
public final class WebhookSigner {

	private final byte[] secret;

	private final Clock clock;

	/**
	 * Create a signer using the system clock.
	 * @param secret the webhook secret (the UTF-8 bytes of the trimmed secret are the HMAC key, as for the verifier)
	 */
	public WebhookSigner(String secret) {
		this(secret, Clock.systemUTC());
	}

	/**
	 * Create a signer.
	 * @param secret the webhook secret (the UTF-8 bytes of the trimmed secret are the HMAC key, as for the verifier)
	 * @param clock the clock that provides the signing timestamp
	 */
	public WebhookSigner(String secret, Clock clock) {
		Assert.hasText(secret, "'secret' must not be empty");
		Assert.notNull(clock, "'clock' must not be null");
		this.secret = secret.trim().getBytes(StandardCharsets.UTF_8);
		this.clock = clock;
	}

	/**
	 * Headers of a delivery of the given body, signed now.
	 * @param eventType the event type for {@code X-Interactor-Event}, or {@code null} to omit the header
	 * @param body the exact body that will be sent
	 * @return the headers
	 */
	public HttpHeaders headers(@Nullable String eventType, byte[] body) {
		return headers(eventType, body, Long.toString(this.clock.instant().getEpochSecond()));
	}

	/**
	 * Headers of a delivery of the given body, signed now.
	 * @param eventType the event type for {@code X-Interactor-Event}, or {@code null} to omit the header
	 * @param body the exact body that will be sent, encoded as UTF-8
	 * @return the headers
	 */
	public HttpHeaders headers(@Nullable String eventType, String body) {
		return headers(eventType, body.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Headers of a delivery with an explicit timestamp header value (seconds, milliseconds or ISO-8601).
	 * @param eventType the event type for {@code X-Interactor-Event}, or {@code null} to omit the header
	 * @param body the exact body that will be sent
	 * @param timestamp the value of {@code X-Interactor-Timestamp}, signed verbatim
	 * @return the headers
	 */
	public HttpHeaders headers(@Nullable String eventType, byte[] body, String timestamp) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set(WebhookSignatureVerifier.TIMESTAMP_HEADER, timestamp);
		headers.set(WebhookSignatureVerifier.SIGNATURE_HEADER, "sha256=" + signTimestamped(timestamp, body));
		if (eventType != null) {
			headers.set("X-Interactor-Event", eventType);
		}
		headers.set("X-Interactor-Delivery", "del_" + UUID.randomUUID().toString().replace("-", ""));
		return headers;
	}

	/**
	 * The lowercase hex HMAC-SHA256 of {@code timestamp + "." + body} (scheme {@code timestamped}).
	 * @param timestamp the timestamp header value
	 * @param body the body
	 * @return 64 hex characters
	 */
	public String signTimestamped(String timestamp, byte[] body) {
		byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
		byte[] signed = new byte[prefix.length + body.length];
		System.arraycopy(prefix, 0, signed, 0, prefix.length);
		System.arraycopy(body, 0, signed, prefix.length, body.length);
		return HexFormat.of().formatHex(HmacWebhookSignatureVerifier.hmac(this.secret, signed));
	}

	/**
	 * The lowercase hex HMAC-SHA256 of the body alone (scheme {@code body}, older documents).
	 * @param body the body
	 * @return 64 hex characters
	 */
	public String signBody(byte[] body) {
		return HexFormat.of().formatHex(HmacWebhookSignatureVerifier.hmac(this.secret, body));
	}

	@Override
	public String toString() {
		return "WebhookSigner{secret=******}";
	}

}
