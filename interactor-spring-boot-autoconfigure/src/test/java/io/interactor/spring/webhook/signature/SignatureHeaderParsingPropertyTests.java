package io.interactor.spring.webhook.signature;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The allocation-free readers of the signature and timestamp headers accept and reject exactly what the plain
 * definitions (trim, optional {@code sha256=}, {@link HexFormat}; trim, ASCII digits, {@link Long#parseLong}, ISO-8601)
 * accept and reject, and read the same values.
 */
class SignatureHeaderParsingPropertyTests {

	private static final String HEX = "0123456789abcdefABCDEF";

	@Property(tries = 2000)
	void signatureHexAgreesWithThePlainDefinition(@ForAll("signatureHeaders") String header) {
		byte[] decoded = new byte[32];
		boolean accepted = SignatureHex.decode(header, decoded);
		byte[] expected = plainSignature(header);
		assertThat(accepted).isEqualTo(expected != null);
		if (expected != null) {
			assertThat(decoded).isEqualTo(expected);
		}
	}

	@Property(tries = 2000)
	void timestampAgreesWithThePlainDefinition(@ForAll("timestampHeaders") String header) {
		assertThat(WebhookTimestamps.parse(header)).isEqualTo(plainTimestamp(header));
		long millis = WebhookTimestamps.epochMillis(header);
		if (millis >= 0) {
			assertThat(plainTimestamp(header)).isEqualTo(Instant.ofEpochMilli(millis));
		}
	}

	/** What the verifier did before it read headers in place. */
	private static byte[] plainSignature(String header) {
		String value = header.trim();
		if (value.regionMatches(true, 0, "sha256=", 0, 7)) {
			value = value.substring(7);
		}
		if (value.length() != 64) {
			return null;
		}
		try {
			return HexFormat.of().parseHex(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static Instant plainTimestamp(String value) {
		String trimmed = value.trim();
		if (trimmed.isEmpty()) {
			return null;
		}
		if (trimmed.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			if (trimmed.length() > 18) {
				return null;
			}
			long number = Long.parseLong(trimmed);
			return (number > 1_000_000_000_000L) ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
		}
		try {
			return OffsetDateTime.parse(trimmed).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	@Provide
	Arbitrary<String> signatureHeaders() {
		Arbitrary<String> hex = Arbitraries.strings().withChars(HEX).ofMinLength(62).ofMaxLength(66);
		Arbitrary<String> nearlyHex = Arbitraries.strings()
			.withChars(HEX + "gGxX \t=\u0661\uFF41\u017F")
			.ofMinLength(60)
			.ofMaxLength(72);
		Arbitrary<String> prefix = Arbitraries.of("", "sha256=", "SHA256=", "Sha256=", "sha1=", "v1=", "\u017Fha256=");
		Arbitrary<String> space = Arbitraries.of("", " ", "\t", "\r\n", "\u00A0");
		return Arbitraries.oneOf(
				Combinators.combine(space, prefix, Arbitraries.oneOf(hex, nearlyHex), space)
					.as((a, b, c, d) -> a + b + c + d),
				Arbitraries.strings().ofMaxLength(80));
	}

	@Provide
	Arbitrary<String> timestampHeaders() {
		Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(21);
		Arbitrary<String> nearlyDigits = Arbitraries.strings()
			.withChars("0123456789 +-.eE\u0661\uFF11")
			.ofMinLength(0)
			.ofMaxLength(21);
		Arbitrary<String> iso = Arbitraries.of("2026-11-30T10:00:00Z", "2026-11-30T10:00:00.123456789+02:00",
				"2026-11-30T10:00:00", "+999999999-12-31T23:59:59Z");
		Arbitrary<String> space = Arbitraries.of("", " ", "\t", "\n", "\u00A0");
		return Combinators.combine(space, Arbitraries.oneOf(digits, nearlyDigits, iso), space)
			.as((a, b, c) -> a + b + c);
	}

}
