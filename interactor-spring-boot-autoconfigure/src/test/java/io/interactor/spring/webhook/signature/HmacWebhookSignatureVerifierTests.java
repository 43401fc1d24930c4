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
import org.springframework.util.LinkedMultiValueMap;

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
	void timestampWithLeadingZerosIsReadAsItsNumberAndSignedVerbatim() {
		String padded = "000" + this.ts;
		assertValid(verify(SignatureScheme.TIMESTAMPED, padded, timestamped(padded), BODY),
				SignatureScheme.TIMESTAMPED, 0);
		// the signed bytes are the header as sent: the same number without its zeros is another signature
		assertFailure(verify(SignatureScheme.TIMESTAMPED, padded, timestamped(this.ts), BODY),
				VerificationFailure.SIGNATURE_MISMATCH);
	}

	@Test
	void timestampsOfMoreThanEighteenDigitsAreMalformedEvenWithLeadingZeros() {
		String nineteen = "0".repeat(19 - this.ts.length()) + this.ts;
		assertFailure(verify(SignatureScheme.AUTO, nineteen, timestamped(nineteen), BODY),
				VerificationFailure.MALFORMED_TIMESTAMP);
		String eighteen = nineteen.substring(1);
		assertValid(verify(SignatureScheme.AUTO, eighteen, timestamped(eighteen), BODY), SignatureScheme.TIMESTAMPED,
				0);
		// eighteen nines are milliseconds some thirty million years ahead
		assertFailure(verify(SignatureScheme.AUTO, "9".repeat(18), timestamped("9".repeat(18)), BODY),
				VerificationFailure.FUTURE_TIMESTAMP);
	}

	@Test
	void timestampsWithNonAsciiDigitsSignsOrBlanksAreMalformed() {
		String arabicIndic = "\u0661\u0667\u0660\u0665\u0667\u0665\u0662\u0660\u0660\u0660";
		String fullWidth = "\uFF11\uFF17\uFF10\uFF15\uFF17\uFF15\uFF12\uFF10\uFF10\uFF10";
		for (String malformed : List.of(arabicIndic, fullWidth, "+" + this.ts, "-" + this.ts, this.ts + "s", "1 7",
				" ", "\t")) {
			assertFailure(verify(SignatureScheme.AUTO, malformed, timestamped(malformed), BODY),
					VerificationFailure.MALFORMED_TIMESTAMP);
		}
	}

	@Test
	void whitespaceAroundTheTimestampIsIgnoredForTheClockButSigned() {
		String spaced = " \t" + this.ts + " ";
		assertValid(verify(SignatureScheme.TIMESTAMPED, spaced, timestamped(spaced), BODY),
				SignatureScheme.TIMESTAMPED, 0);
		assertFailure(verify(SignatureScheme.TIMESTAMPED, spaced, timestamped(this.ts), BODY),
				VerificationFailure.SIGNATURE_MISMATCH);
		// longer than the per-thread prefix buffer: signed all the same
		String longSpaced = " ".repeat(100) + this.ts;
		assertValid(verify(SignatureScheme.TIMESTAMPED, longSpaced, timestamped(longSpaced), BODY),
				SignatureScheme.TIMESTAMPED, 0);
	}

	@Test
	void numericTimestampsAreHeldToTheToleranceToTheMillisecond() {
		long now = NOW.toEpochMilli();
		long tolerance = Duration.ofMinutes(5).toMillis();
		for (long accepted : new long[] { now - tolerance, now + tolerance }) {
			String millis = Long.toString(accepted);
			assertValid(verify(SignatureScheme.TIMESTAMPED, millis, timestamped(millis), BODY),
					SignatureScheme.TIMESTAMPED, 0);
		}
		String stale = Long.toString(now - tolerance - 1);
		assertFailure(verify(SignatureScheme.TIMESTAMPED, stale, timestamped(stale), BODY),
				VerificationFailure.STALE_TIMESTAMP);
		String future = Long.toString(now + tolerance + 1);
		assertFailure(verify(SignatureScheme.TIMESTAMPED, future, timestamped(future), BODY),
				VerificationFailure.FUTURE_TIMESTAMP);
	}

	@Test
	void aToleranceWithAFractionOfAMillisecondAcceptsTheWholeMillisecondsWithinIt() {
		WebhookSignatureVerifier verifier = new HmacWebhookSignatureVerifier(List.of(SECRET), SignatureScheme.AUTO,
				Duration.ofMillis(1500).plusNanos(999_999), this.clock);
		for (long offset : new long[] { -1500, 1500 }) {
			String millis = Long.toString(NOW.toEpochMilli() + offset);
			assertValid(verifier.verify(this.signer.headers(null, BODY.getBytes(StandardCharsets.UTF_8), millis),
					BODY.getBytes(StandardCharsets.UTF_8)), SignatureScheme.TIMESTAMPED, 0);
		}
		String stale = Long.toString(NOW.toEpochMilli() - 1501);
		assertFailure(verifier.verify(this.signer.headers(null, BODY.getBytes(StandardCharsets.UTF_8), stale),
				BODY.getBytes(StandardCharsets.UTF_8)), VerificationFailure.STALE_TIMESTAMP);
		String future = Long.toString(NOW.toEpochMilli() + 1501);
		assertFailure(verifier.verify(this.signer.headers(null, BODY.getBytes(StandardCharsets.UTF_8), future),
				BODY.getBytes(StandardCharsets.UTF_8)), VerificationFailure.FUTURE_TIMESTAMP);
	}

	@Test
	void mixedCaseHexAndWhitespaceAroundTheSignatureAreAccepted() {
		String hex = timestamped(this.ts);
		StringBuilder mixed = new StringBuilder();
		for (int i = 0; i < hex.length(); i++) {
			char c = hex.charAt(i);
			mixed.append((i % 2 == 0) ? Character.toUpperCase(c) : c);
		}
		assertValid(verify(SignatureScheme.AUTO, this.ts, " Sha256=" + mixed + "\t", BODY),
				SignatureScheme.TIMESTAMPED, 0);
	}

	@Test
	void oddLengthNonAsciiAndRepeatedSignaturesAreMalformed() {
		String hex = timestamped(this.ts);
		String fullWidthA = hex.substring(0, 63) + "\uFF41";
		String arabicIndicOne = hex.substring(0, 63) + "\u0661";
		for (String malformed : List.of("sha256=" + hex.substring(0, 63) + " ", hex.substring(1), fullWidthA,
				arabicIndicOne, "v1=" + hex, "v1=" + hex + ",v1=" + hex, "sha256=" + hex + ",sha256=" + hex,
				"sha256= " + hex, "sha256=sha256=" + hex, "sha256=")) {
			assertFailure(verify(SignatureScheme.AUTO, this.ts, malformed, BODY),
					VerificationFailure.MALFORMED_SIGNATURE);
		}
	}

	@Test
	void headerNamesMatchInAnyCaseAndInACaseSensitiveMap() {
		String signature = "sha256=" + timestamped(this.ts);
		byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
		HttpHeaders lowerCase = new HttpHeaders();
		lowerCase.add("x-interactor-timestamp", this.ts);
		lowerCase.add("X-INTERACTOR-SIGNATURE", signature);
		assertValid(verifier(SignatureScheme.AUTO).verify(lowerCase, body), SignatureScheme.TIMESTAMPED, 0);
		HttpHeaders caseSensitive = new HttpHeaders(new LinkedMultiValueMap<>());
		caseSensitive.add(WebhookSignatureVerifier.TIMESTAMP_HEADER, this.ts);
		caseSensitive.add(WebhookSignatureVerifier.SIGNATURE_HEADER, signature);
		assertValid(verifier(SignatureScheme.AUTO).verify(caseSensitive, body), SignatureScheme.TIMESTAMPED, 0);
		HttpHeaders twoSpellings = new HttpHeaders();
		twoSpellings.add(WebhookSignatureVerifier.TIMESTAMP_HEADER, this.ts);
		twoSpellings.add("x-interactor-signature", signature);
		twoSpellings.add(WebhookSignatureVerifier.SIGNATURE_HEADER, signature);
		assertFailure(verifier(SignatureScheme.AUTO).verify(twoSpellings, body), VerificationFailure.DUPLICATE_HEADER);
	}

	@Test
	void oneThreadVerifiesDeliveriesInAnyOrderWithoutCarryingStateOver() {
		// the verifier reuses its buffers for the next verification: a delivery must not see what the previous one left
		WebhookSignatureVerifier verifier = verifier(SignatureScheme.AUTO);
		byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
		String millis = Long.toString(NOW.toEpochMilli());
		HttpHeaders longTimestamp = this.signer.headers(null, body, millis);
		HttpHeaders shortTimestamp = this.signer.headers(null, body, this.ts);
		HttpHeaders previousSecret = this.oldSigner.headers(null, body, this.ts);
		HttpHeaders forged = new HttpHeaders();
		forged.add(WebhookSignatureVerifier.TIMESTAMP_HEADER, this.ts);
		forged.add(WebhookSignatureVerifier.SIGNATURE_HEADER,
				"sha256=" + this.signer.signTimestamped(millis, body));
		HttpHeaders malformed = new HttpHeaders();
		malformed.add(WebhookSignatureVerifier.TIMESTAMP_HEADER, this.ts);
		malformed.add(WebhookSignatureVerifier.SIGNATURE_HEADER, "sha256=" + "0".repeat(63) + "g");
		for (int round = 0; round < 3; round++) {
			assertValid(verifier.verify(longTimestamp, body), SignatureScheme.TIMESTAMPED, 0);
			assertFailure(verifier.verify(forged, body), VerificationFailure.SIGNATURE_MISMATCH);
			assertValid(verifier.verify(shortTimestamp, body), SignatureScheme.TIMESTAMPED, 0);
			assertFailure(verifier.verify(malformed, body), VerificationFailure.MALFORMED_SIGNATURE);
			assertValid(verifier.verify(previousSecret, body), SignatureScheme.TIMESTAMPED, 1);
			assertFailure(verifier.verify(shortTimestamp, "{}".getBytes(StandardCharsets.UTF_8)),
					VerificationFailure.SIGNATURE_MISMATCH);
		}
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
