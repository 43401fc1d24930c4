package io.interactor.spring.webhook.signature;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.interactor.spring.webhook.WebhookSigner;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of {@link HmacWebhookSignatureVerifier}: a delivery signed with the secret is accepted, and no change of
 * its body bytes, its timestamp or its signature is; arbitrary headers and bodies never make it throw.
 */
class WebhookSignatureVerifierPropertyTests {

	private static final String SECRET = "whsec_property_test";

	private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	private static final String TIMESTAMP = Long.toString(NOW.getEpochSecond());

	private final WebhookSigner signer = new WebhookSigner(SECRET, CLOCK);

	private final HmacWebhookSignatureVerifier auto = verifier(SignatureScheme.AUTO);

	private static HmacWebhookSignatureVerifier verifier(SignatureScheme scheme) {
		return new HmacWebhookSignatureVerifier(List.of(SECRET, "whsec_previous"), scheme, Duration.ofMinutes(5),
				CLOCK);
	}

	@Property(tries = 500)
	void anyChangeOfTheBodyIsRejected(@ForAll @Size(max = 512) byte[] body, @ForAll("bodyChanges") Change change,
			@ForAll boolean bodyOnlySignature) {
		byte[] changed = change.apply(body);
		Assume.that(!Arrays.equals(body, changed));
		HttpHeaders headers = bodyOnlySignature ? bodySigned(body) : this.signer.headers("room.message.created", body);
		assertThat(this.auto.verify(headers, body).isValid()).isTrue();
		assertThat(this.auto.verify(headers, changed).isValid()).isFalse();
	}

	@Property(tries = 500)
	void anyChangeOfASignedTimestampIsRejected(@ForAll @Size(max = 256) byte[] body,
			@ForAll("timestampsWithinTolerance") String otherTimestamp) {
		Assume.that(!otherTimestamp.equals(TIMESTAMP));
		HttpHeaders headers = this.signer.headers("room.message.created", body, TIMESTAMP);
		headers.set(WebhookSignatureVerifier.TIMESTAMP_HEADER, otherTimestamp);
		// The timestamp is fresh in every form: only the signature can reject it.
		assertThat(WebhookTimestamps.parse(otherTimestamp)).isNotNull();
		assertThat(verifier(SignatureScheme.TIMESTAMPED).verify(headers, body).isValid()).isFalse();
		// Under "auto" the body-only fallback cannot match a timestamped signature either.
		assertThat(this.auto.verify(headers, body).isValid()).isFalse();
	}

	@Property(tries = 500)
	void anyChangeOfTheSignatureIsRejected(@ForAll @Size(max = 256) byte[] body,
			@ForAll @IntRange(min = 0, max = 63) int position, @ForAll("hexDigits") char digit,
			@ForAll boolean bodyOnlySignature) {
		String signature = bodyOnlySignature ? this.signer.signBody(body)
				: this.signer.signTimestamped(TIMESTAMP, body);
		Assume.that(Character.toLowerCase(signature.charAt(position)) != Character.toLowerCase(digit));
		String changed = signature.substring(0, position) + digit + signature.substring(position + 1);
		HttpHeaders headers = this.signer.headers("room.message.created", body, TIMESTAMP);
		headers.set(WebhookSignatureVerifier.SIGNATURE_HEADER, "sha256=" + changed);
		assertThat(this.auto.verify(headers, body).isValid()).isFalse();
	}

	@Property(tries = 1000)
	void arbitraryHeadersAndBodiesNeverThrow(@ForAll("headerLists") List<Tuple.Tuple2<String, String>> headerList,
			@ForAll @Size(max = 1024) byte[] body, @ForAll SignatureScheme scheme) {
		HttpHeaders headers = new HttpHeaders();
		headerList.forEach((header) -> headers.add(header.get1(), header.get2()));
		VerificationResult result = verifier(scheme).verify(headers, body);
		// Forging an HMAC-SHA256 by chance does not happen.
		assertThat(result.isValid()).isFalse();
		assertThat(result.failure()).isNotNull();
	}

	private HttpHeaders bodySigned(byte[] body) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(WebhookSignatureVerifier.SIGNATURE_HEADER, this.signer.signBody(body));
		return headers;
	}

	@Provide
	Arbitrary<Change> bodyChanges() {
		Arbitrary<Change> flip = Combinators
			.combine(Arbitraries.integers().between(0, 511), Arbitraries.integers().between(1, 255))
			.as((index, mask) -> (body) -> {
				if (body.length == 0) {
					return new byte[] { (byte) (int) mask };
				}
				byte[] copy = body.clone();
				copy[index % body.length] ^= (byte) (int) mask;
				return copy;
			});
		Arbitrary<Change> append = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8)
			.map((extra) -> (body) -> concat(body, extra));
		Arbitrary<Change> prepend = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8)
			.map((extra) -> (body) -> concat(extra, body));
		Arbitrary<Change> truncate = Arbitraries.integers().between(1, 8)
			.map((cut) -> (body) -> Arrays.copyOf(body, Math.max(0, body.length - cut)));
		Arbitrary<Change> whitespace = Arbitraries.of(" ", "\n", "\r\n", "\t")
			.map((space) -> (body) -> concat(body, space.getBytes(StandardCharsets.UTF_8)));
		return Arbitraries.oneOf(flip, append, prepend, truncate, whitespace);
	}

	@Provide
	Arbitrary<String> timestampsWithinTolerance() {
		// The same instant written otherwise, and other instants inside the 5 minute tolerance, in every form.
		Arbitrary<Long> offsets = Arbitraries.longs().between(-299, 299);
		Arbitrary<String> seconds = offsets.map((offset) -> Long.toString(NOW.getEpochSecond() + offset));
		Arbitrary<String> millis = Combinators.combine(offsets, Arbitraries.longs().between(0, 999))
			.as((offset, ms) -> Long.toString(NOW.plusSeconds(offset).toEpochMilli() + ms));
		Arbitrary<String> iso = offsets.map((offset) -> NOW.plusSeconds(offset).toString());
		Arbitrary<String> padded = offsets
			.map((offset) -> "0" + (NOW.getEpochSecond() + offset));
		return Arbitraries.oneOf(seconds, millis, iso, padded);
	}

	@Provide
	Arbitrary<Character> hexDigits() {
		return Arbitraries.of('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f', 'A',
				'F', 'g', 'z', ' ', '=');
	}

	@Provide
	Arbitrary<List<Tuple.Tuple2<String, String>>> headerLists() {
		Arbitrary<String> names = Arbitraries.oneOf(
				Arbitraries.of(WebhookSignatureVerifier.SIGNATURE_HEADER, WebhookSignatureVerifier.TIMESTAMP_HEADER,
						WebhookSignatureVerifier.SIGNATURE_HEADER.toLowerCase(Locale.ROOT), "Content-Type"),
				Arbitraries.strings().ofMaxLength(20));
		Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(80),
				Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofLength(64),
				Arbitraries.strings().withChars("0123456789abcdef").ofLength(64).map((hex) -> "sha256=" + hex),
				Arbitraries.longs().map(String::valueOf), Arbitraries.of(TIMESTAMP, "", " ", "sha256=", "\u0000",
						"9999999999999999999999", "+1700000000", "-1", "1e10", "2026-11-30T10:00:00Z"));
		return Combinators.combine(names, values).as((name, value) -> Tuple.of(name, value)).list().ofMaxSize(6);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] joined = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, joined, first.length, second.length);
		return joined;
	}

	/** A change of a body. */
	@FunctionalInterface
	interface Change {

		byte[] apply(byte[] body);

	}

}
