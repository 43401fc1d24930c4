package io.interactor.spring.webhook.signature;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

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
 * or an ISO-8601 instant and must lie within the tolerance of the clock in both directions (numbers are compared with
 * the clock's milliseconds). The key is the secret
 * string's UTF-8 bytes as-is. The signed bytes depend on the {@link SignatureScheme}: {@code timestamp + "." +
 * rawBody} or the raw body alone. Secrets are tried in order (the current one first, then previous ones) and compared
 * in constant time.
 * <p>
 * A body-only signature does not cover the timestamp header, so a valid result for it is not yet a fresh delivery:
 * the result names {@link SignatureScheme#BODY} as the matched scheme, and the dispatcher then holds the envelope's
 * own timestamp to the {@link EnvelopeTimestampPolicy}.
 * <p>
 * Verification never throws for malformed input; it returns a {@link VerificationResult}. Neither the secrets nor the
 * signature ever appear in a result or log message. Instances are thread-safe: a verification borrows keyed
 * {@link Mac}s (one per secret) from a small pool that concurrent verifications never share and that serves platform
 * and virtual threads alike, so a delivery costs one HMAC pass over its bytes and no provider lookup or key set-up;
 * headers, timestamp and signature are read in place, so a valid delivery creates no object beyond the MAC the JDK
 * returns.
 *
 * @since 0.1.0
 */
public final class HmacWebhookSignatureVerifier implements WebhookSignatureVerifier {

	/** The header names as {@link HttpHeaders} stores them: asked for with these, it makes no lower-cased copy. */
	private static final String SIGNATURE_HEADER_KEY = SIGNATURE_HEADER.toLowerCase(Locale.ROOT);

	private static final String TIMESTAMP_HEADER_KEY = TIMESTAMP_HEADER.toLowerCase(Locale.ROOT);

	private final List<byte[]> secrets;

	/**
	 * Keyed {@code Mac}s (one per secret) with their buffers, lent to one verification at a time.
	 * {@code Mac.getInstance} walks the security providers and {@code init} hashes the key: done per delivery, that
	 * costs about a third of a 1 KiB verification. A pool, not a {@code ThreadLocal}: a virtual thread per request
	 * would set up a new one for every delivery and leave it behind.
	 */
	private final WorkspacePool workspaces;

	private final SignatureScheme scheme;

	private final Duration tolerance;

	private final long toleranceMillis;

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
		this.workspaces = new WorkspacePool(this::keyedMacs);
		this.scheme = scheme;
		this.tolerance = tolerance;
		this.toleranceMillis = toMillisSaturated(tolerance);
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
		List<String> signatures = header(headers, SIGNATURE_HEADER_KEY, SIGNATURE_HEADER);
		List<String> timestamps = header(headers, TIMESTAMP_HEADER_KEY, TIMESTAMP_HEADER);
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
		Workspace workspace = this.workspaces.borrow();
		try {
			return verifySignature(signatures.get(0), timestamp, body, workspace);
		}
		finally {
			this.workspaces.giveBack(workspace);
		}
	}

	private VerificationResult verifySignature(String signature, @Nullable String timestamp, byte[] body,
			Workspace state) {
		if (!SignatureHex.decode(signature, state.expected)) {
			return VerificationResult.failed(VerificationFailure.MALFORMED_SIGNATURE);
		}
		Mac[] macs = state.macs;
		if (timestamp != null && this.scheme != SignatureScheme.BODY) {
			// timestamp + "." + body, fed in parts: the body is never copied
			for (int i = 0; i < macs.length; i++) {
				state.updateWithPrefix(macs[i], timestamp);
				if (MessageDigest.isEqual(state.expected, macs[i].doFinal(body))) {
					return VerificationResult.valid(SignatureScheme.TIMESTAMPED, i);
				}
			}
		}
		if (this.scheme != SignatureScheme.TIMESTAMPED) {
			for (int i = 0; i < macs.length; i++) {
				if (MessageDigest.isEqual(state.expected, macs[i].doFinal(body))) {
					return VerificationResult.valid(SignatureScheme.BODY, i);
				}
			}
		}
		return VerificationResult.failed(VerificationFailure.SIGNATURE_MISMATCH);
	}

	/**
	 * The values of a header. {@link HttpHeaders} compares names ignoring case and lower-cases the name it is asked
	 * for, which copies a name in canonical spelling on every look-up; asking with the lower-case name first costs no
	 * copy. The canonical spelling is tried as well, for headers backed by a map that is not case-insensitive.
	 */
	private static List<String> header(HttpHeaders headers, String lowerCaseName, String name) {
		List<String> values = headers.get(lowerCaseName);
		if (values == null) {
			values = headers.get(name);
		}
		return (values != null) ? values : Collections.emptyList();
	}

	private @Nullable VerificationFailure checkTimestamp(String value) {
		long signedAt = WebhookTimestamps.epochMillis(value);
		if (signedAt == WebhookTimestamps.MALFORMED) {
			return VerificationFailure.MALFORMED_TIMESTAMP;
		}
		if (signedAt == WebhookTimestamps.NOT_DECIMAL) {
			return checkTimestamp(WebhookTimestamps.parseIso(value));
		}
		// Unix seconds or milliseconds: compared in milliseconds without creating an Instant
		long difference = signedAt - this.clock.millis();
		if (difference < -this.toleranceMillis) {
			return VerificationFailure.STALE_TIMESTAMP;
		}
		if (difference > this.toleranceMillis) {
			return VerificationFailure.FUTURE_TIMESTAMP;
		}
		return null;
	}

	private @Nullable VerificationFailure checkTimestamp(@Nullable Instant signedAt) {
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

	/**
	 * The tolerance in whole milliseconds: a difference in whole milliseconds exceeds the tolerance exactly when it
	 * exceeds this.
	 */
	private static long toMillisSaturated(Duration tolerance) {
		try {
			return tolerance.toMillis();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
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

	/**
	 * What one verification works with and the next one reuses: the keyed {@code Mac}s (each {@code doFinal} leaves
	 * a {@code Mac} reset and keyed for the next delivery), the decoded signature and the signed {@code timestamp.}
	 * prefix, so that a valid delivery creates no object beyond the MAC the JDK returns.
	 */
	static final class Workspace {

		/** Longer timestamp headers (never a valid number, rarely ISO-8601) are encoded into an array of their own. */
		private static final int MAX_PREFIX = 64;

		final Mac[] macs;

		final byte[] expected = new byte[32];

		private final byte[] prefix = new byte[MAX_PREFIX];

		Workspace(Mac[] macs) {
			this.macs = macs;
		}

		/** Feed {@code timestamp + "."} in UTF-8 to the MAC, exactly the bytes the sender signed. */
		void updateWithPrefix(Mac mac, String timestamp) {
			int length = timestamp.length();
			if (length < MAX_PREFIX && isAscii(timestamp)) {
				for (int i = 0; i < length; i++) {
					this.prefix[i] = (byte) timestamp.charAt(i);
				}
				this.prefix[length] = '.';
				mac.update(this.prefix, 0, length + 1);
			}
			else {
				mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
			}
		}

		private static boolean isAscii(String value) {
			for (int i = 0; i < value.length(); i++) {
				if (value.charAt(i) >= 0x80) {
					return false;
				}
			}
			return true;
		}

	}

	@Override
	public String toString() {
		return "HmacWebhookSignatureVerifier{secrets=" + this.secrets.size() + " redacted, scheme=" + this.scheme
				+ ", tolerance=" + this.tolerance + "}";
	}

}
