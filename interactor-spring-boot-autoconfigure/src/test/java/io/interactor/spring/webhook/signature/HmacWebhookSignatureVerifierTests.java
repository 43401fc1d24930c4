package io.interactor.spring.webhook.signature;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import io.interactor.spring.webhook.WebhookSigner;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verification table of interactor-api.md §7.2.
 */
class HmacWebhookSignatureVerifierTests {

	private static final Instant NOW = Instant.parse("2024-01-20T12:00:00Z");

	private static final String SECRET = "whsec_current_secret";

	private static final String OLD_SECRET = "whsec_previous_secret";

	private static final String BODY = "{\"id\":\"evt_1\",\"type\":\"room.message.created\",\"data\":{\"content\":\"hi\"}}";

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final WebhookSigner signer = new WebhookSigner(SECRET, this.clock);

	private final WebhookSigner oldSigner = new WebhookSigner(OLD_SECRET, this.clock);

	private final String ts = Long.toString(NOW.getEpochSecond());

	private WebhookSignatureVerifier verifier(SignatureScheme scheme) {
		return new HmacWebhookSignatureVerifier(List.of(SECRET, OLD_SECRET), scheme, Duration.ofMinutes(5), this.clock);
	}

	private VerificationResult verify(SignatureScheme scheme, String timestamp, String signature, String body) {
		HttpHeaders headers = new HttpHeaders();
		if (timestamp != null) {
			headers.add(WebhookSignatureVerifier.TIMESTAMP_HEADER, timestamp);
		}
		if (signature != null) {
			headers.add(WebhookSignatureVerifier.SIGNATURE_HEADER, signature);
		}
		return verifier(scheme).verify(headers, body.getBytes(StandardCharsets.UTF_8));
	}

	private String timestamped(String timestamp) {
		return this.signer.signTimestamped(timestamp, BODY.getBytes(StandardCharsets.UTF_8));
	}

	private String bodyOnly() {
		return this.signer.signBody(BODY.getBytes(StandardCharsets.UTF_8));
	}

	private static void assertValid(VerificationResult result, SignatureScheme scheme, int secretIndex) {
		assertThat(result.isValid()).isTrue();
		assertThat(result.matchedScheme()).isEqualTo(scheme);
		assertThat(result.secretIndex()).isEqualTo(secretIndex);
	}

	private static void assertFailure(VerificationResult result, VerificationFailure failure) {
		assertThat(result.isValid()).isFalse();
		assertThat(result.failure()).isEqualTo(failure);
	}

	@Test
	void signerHeadersAreAcceptedAsIs() {
		HttpHeaders headers = this.signer.headers("room.message.created", BODY);
		assertThat(headers.getFirst(WebhookSignatureVerifier.SIGNATURE_HEADER)).matches("sha256=[0-9a-f]{64}");
		assertThat(headers.getFirst(WebhookSignatureVerifier.TIMESTAMP_HEADER)).isEqualTo(this.ts);
		assertThat(headers.getFirst("X-Interactor-Event")).isEqualTo("room.message.created");
		assertThat(headers.getFirst("X-Interactor-Delivery")).startsWith("del_");
		assertValid(verifier(SignatureScheme.TIMESTAMPED).verify(headers, BODY.getBytes(StandardCharsets.UTF_8)),
				SignatureScheme.TIMESTAMPED, 0);
	}

	@Test
	void signatureMatchesAnIndependentlyComputedHmac() throws Exception {
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String expected = java.util.HexFormat.of()
			.formatHex(mac.doFinal((this.ts + "." + BODY).getBytes(StandardCharsets.UTF_8)));
		assertThat(timestamped(this.ts)).isEqualTo(expected);
	}

	@Test
	void validTimestampedWithPrefix() {
		assertValid(verify(SignatureScheme.AUTO, this.ts, "sha256=" + timestamped(this.ts), BODY),
				SignatureScheme.TIMESTAMPED, 0);
	}

	@Test
	void validTimestampedWithoutPrefix() {
		assertValid(verify(SignatureScheme.TIMESTAMPED, this.ts, timestamped(this.ts), BODY),
				SignatureScheme.TIMESTAMPED, 0);
	}

	@Test
	void uppercaseHexAndPrefixAreAccepted() {
		String upper = "SHA256=" + timestamped(this.ts).toUpperCase(Locale.ROOT);
		assertValid(verify(SignatureScheme.TIMESTAMPED, this.ts, upper, BODY), SignatureScheme.TIMESTAMPED, 0);
	}

	@Test
	void bodyOnlySignatureIsValidInAuto() {
		assertValid(verify(SignatureScheme.AUTO, this.ts, "sha256=" + bodyOnly(), BODY), SignatureScheme.BODY, 0);
	}

	@Test
	void bodyOnlySignatureIsRejectedInTimestamped() {
		assertFailure(verify(SignatureScheme.TIMESTAMPED, this.ts, "sha256=" + bodyOnly(), BODY),
				VerificationFailure.SIGNATURE_MISMATCH);
	}

	@Test
	void timestampedSignatureIsRejectedInBody() {
		assertFailure(verify(SignatureScheme.BODY, this.ts, timestamped(this.ts), BODY),
				VerificationFailure.SIGNATURE_MISMATCH);
		assertValid(verify(SignatureScheme.BODY, this.ts, bodyOnly(), BODY), SignatureScheme.BODY, 0);
	}

	@Test
	void previousSecretIsAccepted() {
		String signature = this.oldSigner.signTimestamped(this.ts, BODY.getBytes(StandardCharsets.UTF_8));
		assertValid(verify(SignatureScheme.AUTO, this.ts, "sha256=" + signature, BODY), SignatureScheme.TIMESTAMPED,
				1);
	}

	@Test
	void wrongSecretIsRejected() {
		String signature = new WebhookSigner("whsec_somebody_else", this.clock).signTimestamped(this.ts,
				BODY.getBytes(StandardCharsets.UTF_8));
		assertFailure(verify(SignatureScheme.AUTO, this.ts, "sha256=" + signature, BODY),
				VerificationFailure.SIGNATURE_MISMATCH);
	}

	@Test
	void tamperedBodyIsRejected() {
		String tampered = BODY.replace("hi", "ho");
		assertFailure(verify(SignatureScheme.AUTO, this.ts, "sha256=" + timestamped(this.ts), tampered),
				VerificationFailure.SIGNATURE_MISMATCH);
	}

	@Test
	void whitespaceChangedJsonIsRejected() {
		String reformatted = BODY.replace(",", ", ");
		assertFailure(verify(SignatureScheme.AUTO, this.ts, "sha256=" + timestamped(this.ts), reformatted),
				VerificationFailure.SIGNATURE_MISMATCH);
	}

	@Test
	void timestampHeaderIsPartOfTheSignedBytes() {
		String other = Long.toString(NOW.getEpochSecond() - 1);
		assertFailure(verify(SignatureScheme.TIMESTAMPED, other, timestamped(this.ts), BODY),
				VerificationFailure.SIGNATURE_MISMATCH);
	}

	@Test
	void staleTimestampIsRejected() {
		String stale = Long.toString(NOW.minusSeconds(301).getEpochSecond());
		assertFailure(verify(SignatureScheme.AUTO, stale, timestamped(stale), BODY),
				VerificationFailure.STALE_TIMESTAMP);
	}

	@Test
	void futureTimestampIsRejected() {
		String future = Long.toString(NOW.plusSeconds(301).getEpochSecond());
		assertFailure(verify(SignatureScheme.AUTO, future, timestamped(future), BODY),
				VerificationFailure.FUTURE_TIMESTAMP);
	}

	@Test
	void timestampsAtTheToleranceEdgeAreAccepted() {
		String oldest = Long.toString(NOW.minusSeconds(300).getEpochSecond());
		String newest = Long.toString(NOW.plusSeconds(300).getEpochSecond());
		assertThat(verify(SignatureScheme.AUTO, oldest, timestamped(oldest), BODY).isValid()).isTrue();
		assertThat(verify(SignatureScheme.AUTO, newest, timestamped(newest), BODY).isValid()).isTrue();
	}

	@Test
	void millisecondTimestampIsAcceptedAndSignedVerbatim() {
		String millis = Long.toString(NOW.minusSeconds(10).toEpochMilli());
		assertValid(verify(SignatureScheme.TIMESTAMPED, millis, timestamped(millis), BODY),
				SignatureScheme.TIMESTAMPED, 0);
		String staleMillis = Long.toString(NOW.minusSeconds(600).toEpochMilli());
		assertFailure(verify(SignatureScheme.TIMESTAMPED, staleMillis, timestamped(staleMillis), BODY),
				VerificationFailure.STALE_TIMESTAMP);
	}

	@Test
	void isoTimestampIsAcceptedAndSignedVerbatim() {
		String iso = "2024-01-20T11:59:30Z";
		assertValid(verify(SignatureScheme.TIMESTAMPED, iso, timestamped(iso), BODY), SignatureScheme.TIMESTAMPED,
				0);
		String staleIso = "2024-01-20T11:50:00Z";
		assertFailure(verify(SignatureScheme.TIMESTAMPED, staleIso, timestamped(staleIso), BODY),
				VerificationFailure.STALE_TIMESTAMP);
	}

	@Test
	void malformedTimestampIsRejected() {
		assertFailure(verify(SignatureScheme.AUTO, "yesterday", timestamped("yesterday"), BODY),
				VerificationFailure.MALFORMED_TIMESTAMP);
		assertFailure(verify(SignatureScheme.AUTO, "99999999999999999999", timestamped(this.ts), BODY),
				VerificationFailure.MALFORMED_TIMESTAMP);
	}

	@Test
	void missingSignatureIsRejected() {
		assertFailure(verify(SignatureScheme.AUTO, this.ts, null, BODY), VerificationFailure.MISSING_SIGNATURE);
		assertFailure(verify(SignatureScheme.AUTO, this.ts, "", BODY), VerificationFailure.MISSING_SIGNATURE);
	}

	@Test
	void missingTimestampIsRejectedInTimestamped() {
		assertFailure(verify(SignatureScheme.TIMESTAMPED, null, timestamped(this.ts), BODY),
				VerificationFailure.MISSING_TIMESTAMP);
	}

	@Test
	void missingTimestampOnlyAllowsBodySignaturesInAuto() {
		assertValid(verify(SignatureScheme.AUTO, null, bodyOnly(), BODY), SignatureScheme.BODY, 0);
		assertFailure(verify(SignatureScheme.AUTO, null, timestamped(this.ts), BODY),
				VerificationFailure.SIGNATURE_MISMATCH);
	}

	@Test
	void duplicatedHeadersAreRejected() {
		String signature = "sha256=" + timestamped(this.ts);
		HttpHeaders twoSignatures = new HttpHeaders();
		twoSignatures.add(WebhookSignatureVerifier.TIMESTAMP_HEADER, this.ts);
		twoSignatures.add(WebhookSignatureVerifier.SIGNATURE_HEADER, signature);
		twoSignatures.add(WebhookSignatureVerifier.SIGNATURE_HEADER, signature);
		assertFailure(verifier(SignatureScheme.AUTO).verify(twoSignatures, BODY.getBytes(StandardCharsets.UTF_8)),
				VerificationFailure.DUPLICATE_HEADER);
		HttpHeaders twoTimestamps = new HttpHeaders();
		twoTimestamps.add(WebhookSignatureVerifier.TIMESTAMP_HEADER, this.ts);
		twoTimestamps.add(WebhookSignatureVerifier.TIMESTAMP_HEADER, this.ts);
		twoTimestamps.add(WebhookSignatureVerifier.SIGNATURE_HEADER, signature);
		assertFailure(verifier(SignatureScheme.AUTO).verify(twoTimestamps, BODY.getBytes(StandardCharsets.UTF_8)),
				VerificationFailure.DUPLICATE_HEADER);
	}

	@Test
	void nonHexSignatureIsRejected() {
		String nonHex = "sha256=" + "g".repeat(64);
		assertFailure(verify(SignatureScheme.AUTO, this.ts, nonHex, BODY), VerificationFailure.MALFORMED_SIGNATURE);
	}

	@Test
	void wrongLengthSignaturesAreRejected() {
		String valid = timestamped(this.ts);
		assertFailure(verify(SignatureScheme.AUTO, this.ts, "sha256=" + valid.substring(1), BODY),
				VerificationFailure.MALFORMED_SIGNATURE);
		assertFailure(verify(SignatureScheme.AUTO, this.ts, "sha256=" + valid + "0", BODY),
				VerificationFailure.MALFORMED_SIGNATURE);
		assertFailure(verify(SignatureScheme.AUTO, this.ts, "sha1=" + valid, BODY),
				VerificationFailure.MALFORMED_SIGNATURE);
	}

	@Test
	void withoutSecretsEverythingFails() {
		WebhookSignatureVerifier verifier = new HmacWebhookSignatureVerifier(List.of(" "), SignatureScheme.AUTO,
				Duration.ofMinutes(5), this.clock);
		assertThat(verifier.hasSecrets()).isFalse();
		HttpHeaders headers = this.signer.headers(null, BODY);
		assertFailure(verifier.verify(headers, BODY.getBytes(StandardCharsets.UTF_8)), VerificationFailure.NO_SECRET);
	}

	@Test
	void secretsAreTrimmedAsTheAutoConfigurationTrimsThem() {
		// A secret pasted with a trailing line break or spaces is still the secret, here as through the properties.
		WebhookSignatureVerifier verifier = new HmacWebhookSignatureVerifier(List.of(" " + SECRET + "\n", "\t"),
				SignatureScheme.AUTO, Duration.ofMinutes(5), this.clock);
		HttpHeaders headers = this.signer.headers(null, BODY);
		assertValid(verifier.verify(headers, BODY.getBytes(StandardCharsets.UTF_8)), SignatureScheme.TIMESTAMPED, 0);
		HttpHeaders signedWithPastedSecret = new WebhookSigner(SECRET + "\r\n", this.clock).headers(null, BODY);
		assertThat(signedWithPastedSecret.getFirst(WebhookSignatureVerifier.SIGNATURE_HEADER))
			.isEqualTo(headers.getFirst(WebhookSignatureVerifier.SIGNATURE_HEADER));
	}

	@Test
	void toStringRevealsNoSecret() {
		assertThat(verifier(SignatureScheme.AUTO).toString()).doesNotContain(SECRET).doesNotContain(OLD_SECRET);
		assertThat(this.signer.toString()).doesNotContain(SECRET);
	}

}
