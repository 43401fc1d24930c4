package io.interactor.spring.webhook.signature;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The default {@link WebhookSignatureVerifier}: checks the HMAC-SHA256 signature and the timestamp of an Interactor
 * webhook delivery with the configured secrets.
 * <p>
 * Rules: {@code X-Interactor-Signature} holds 64 hex characters (any case), optionally prefixed with
 * {@code sha256=}; {@code X-Interactor-Timestamp} holds Unix seconds, Unix milliseconds (values above 10<sup>12</sup>)
 * or an ISO-8601 instant and must lie within the tolerance of the clock in both directions. The key is the secret
 * string's UTF-8 bytes as-is. The signed bytes depend on the {@link SignatureScheme}: {@code timestamp + "." +
 * rawBody} or the raw body alone. Secrets are tried in order (the current one first, then previous ones) and compared
 * in constant time.
 * <p>
 * A body-only signature does not cover the timestamp header, so a valid result for it is not yet a fresh delivery:
 * the result names {@link SignatureScheme#BODY} as the matched scheme, and the dispatcher then holds the envelope's
 * own timestamp to the {@link EnvelopeTimestampPolicy}.
 * <p>
 * Verification never throws for malformed input; it returns a {@link VerificationResult}. Neither the secrets nor the
 * signature ever appear in a result or log message. Instances are immutable and thread-safe: each thread computes
 * with its own {@link Mac}, keyed once per secret, so a delivery costs one HMAC pass over its bytes and no provider
 * lookup or key set-up.
 *
 * @since 0.1.0
 */
public final class HmacWebhookSignatureVerifier implements WebhookSignatureVerifier {

	private static final String PREFIX = "sha256=";

	private final List<byte[]> secrets;

	/**
	 * One keyed {@code Mac} per secret and thread. {@code Mac.getInstance} walks the security providers and
	 * {@code init} hashes the key: done per delivery, that costs about a third of a 1 KiB verification.
	 */
	private final ThreadLocal<Mac[]> macs;

	private final SignatureScheme scheme;

	private final Duration tolerance;

	private final Clock clock;

	/**
	 * Create a verifier.
	 * @param secrets the secrets in the order they are tried: current first, then previous ones; each is trimmed of
	 * leading and trailing whitespace (a secret pasted with a line break is still the secret), blank entries are
	 * ignored; empty means every delivery fails with {@link VerificationFailure#NO_SECRET}
	 * @param scheme which bytes the signature may cover
	 * @param tolerance the accepted difference between the timestamp and the clock, in both directions
	 * @param clock the clock to compare timestamps with
	 */
	public HmacWebhookSignatureVerifier(List<String> secrets, SignatureScheme scheme, Duration tolerance, Clock clock) {
		Assert.notNull(scheme, "'scheme' must not be null");
		Assert.isTrue(tolerance != null && !tolerance.isNegative(), "'tolerance' must not be negative");
		Assert.notNull(clock, "'clock' must not be null");
		List<byte[]> keys = new ArrayList<>();
		for (String secret : secrets) {
			if (StringUtils.hasText(secret)) {
				keys.add(secret.trim().getBytes(StandardCharsets.UTF_8));
			}
		}
		this.secrets = List.copyOf(keys);
		this.macs = ThreadLocal.withInitial(this::keyedMacs);
		this.scheme = scheme;
		this.tolerance = tolerance;
		this.clock = clock;
	}

	/**
	 * Whether at least one secret is configured.
	 * @return {@code true} when deliveries can be verified
	 */
	@Override
	public boolean hasSecrets() {
		return !this.secrets.isEmpty();
	}

	@Override
	public VerificationResult verify(HttpHeaders headers, byte[] body) {
		if (this.secrets.isEmpty()) {
			return VerificationResult.failed(VerificationFailure.NO_SECRET);
		}
		List<String> signatures = headers.getOrEmpty(SIGNATURE_HEADER);
		List<String> timestamps = headers.getOrEmpty(TIMESTAMP_HEADER);
		if (signatures.size() > 1 || timestamps.size() > 1) {
			return VerificationResult.failed(VerificationFailure.DUPLICATE_HEADER);
		}
		String timestamp = timestamps.isEmpty() ? null : timestamps.get(0);
		if (timestamp != null) {
			VerificationFailure timestampFailure = checkTimestamp(timestamp);
			if (timestampFailure != null) {
				return VerificationResult.failed(timestampFailure);
			}
		}
		else if (this.scheme == SignatureScheme.TIMESTAMPED) {
			return VerificationResult.failed(VerificationFailure.MISSING_TIMESTAMP);
		}
		if (signatures.isEmpty() || !StringUtils.hasText(signatures.get(0))) {
			return VerificationResult.failed(VerificationFailure.MISSING_SIGNATURE);
		}
		byte[] expected = decodeSignature(signatures.get(0));
		if (expected == null) {
			return VerificationResult.failed(VerificationFailure.MALFORMED_SIGNATURE);
		}
		Mac[] macs = this.macs.get();
		if (timestamp != null && this.scheme != SignatureScheme.BODY) {
			// timestamp + "." + body, fed in parts: the body is never copied
			byte[] prefix = timestampPrefix(timestamp);
			for (int i = 0; i < macs.length; i++) {
				macs[i].update(prefix);
				if (MessageDigest.isEqual(expected, macs[i].doFinal(body))) {
					return VerificationResult.valid(SignatureScheme.TIMESTAMPED, i);
				}
			}
		}
		if (this.scheme != SignatureScheme.TIMESTAMPED) {
			for (int i = 0; i < macs.length; i++) {
				if (MessageDigest.isEqual(expected, macs[i].doFinal(body))) {
					return VerificationResult.valid(SignatureScheme.BODY, i);
				}
			}
		}
		return VerificationResult.failed(VerificationFailure.SIGNATURE_MISMATCH);
	}

	private @Nullable VerificationFailure checkTimestamp(String value) {
		Instant signedAt = WebhookTimestamps.parse(value);
		if (signedAt == null) {
			return VerificationFailure.MALFORMED_TIMESTAMP;
		}
		Instant now = this.clock.instant();
		if (signedAt.isBefore(now.minus(this.tolerance))) {
			return VerificationFailure.STALE_TIMESTAMP;
		}
		if (signedAt.isAfter(now.plus(this.tolerance))) {
			return VerificationFailure.FUTURE_TIMESTAMP;
		}
		return null;
	}

	private static byte @Nullable [] decodeSignature(String header) {
		String value = header.trim();
		if (value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			value = value.substring(PREFIX.length());
		}
		if (value.length() != 64) {
			return null;
		}
		try {
			// HexFormat parses either case
			return HexFormat.of().parseHex(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static byte[] timestampPrefix(String timestamp) {
		return (timestamp + ".").getBytes(StandardCharsets.UTF_8);
	}

	private Mac[] keyedMacs() {
		return this.secrets.stream().map(HmacWebhookSignatureVerifier::keyedMac).toArray(Mac[]::new);
	}

	private static Mac keyedMac(byte[] key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac;
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * HMAC-SHA256 of the given bytes.
	 * @param key the key bytes
	 * @param data the data
	 * @return the 32-byte MAC
	 */
	public static byte[] hmac(byte[] key, byte[] data) {
		return keyedMac(key).doFinal(data);
	}

	@Override
	public String toString() {
		return "HmacWebhookSignatureVerifier{secrets=" + this.secrets.size() + " redacted, scheme=" + this.scheme
				+ ", tolerance=" + this.tolerance + "}";
	}

}
