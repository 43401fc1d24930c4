package io.interactor.spring.webhook.dispatch;

import java.time.Instant;

import io.interactor.spring.webhook.signature.WebhookTimestamps;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EnvelopeTimestamps} reads every text exactly as {@link WebhookTimestamps#parse(String)} does; its fast path
 * only changes how the common UTC form is read.
 */
class EnvelopeTimestampsTests {

	@Test
	void readsTheUtcFormWithAndWithoutFraction() {
		assertThat(EnvelopeTimestamps.parseUtc("2024-01-20T12:00:00Z")).isEqualTo(Instant.parse("2024-01-20T12:00:00Z"));
		assertThat(EnvelopeTimestamps.parseUtc("2024-02-29T23:59:59.5Z"))
			.isEqualTo(Instant.parse("2024-02-29T23:59:59.500Z"));
		assertThat(EnvelopeTimestamps.parseUtc("1970-01-01T00:00:00.000000001Z")).isEqualTo(Instant.ofEpochSecond(0, 1));
	}

	@Test
	void leavesEverythingElseToTheGeneralParser() {
		assertThat(EnvelopeTimestamps.parseUtc("2023-02-29T00:00:00Z")).isNull();
		assertThat(EnvelopeTimestamps.parseUtc("2024-01-20T24:00:00Z")).isNull();
		assertThat(EnvelopeTimestamps.parseUtc("2024-01-20T12:00:60Z")).isNull();
		assertThat(EnvelopeTimestamps.parseUtc("2024-01-20T12:00:00.Z")).isNull();
		assertThat(EnvelopeTimestamps.parseUtc("2024-01-20T12:00:00+01:00")).isNull();
		assertThat(EnvelopeTimestamps.parseUtc("2024-01-20t12:00:00z")).isNull();
		assertThat(EnvelopeTimestamps.parseUtc("1705752000")).isNull();
		// ... which still reads the forms it knows
		assertThat(EnvelopeTimestamps.parse("2024-01-20T13:00:00+01:00")).isEqualTo(Instant.parse("2024-01-20T12:00:00Z"));
		assertThat(EnvelopeTimestamps.parse("1705752000")).isEqualTo(Instant.parse("2024-01-20T12:00:00Z"));
		assertThat(EnvelopeTimestamps.parse("2023-02-29T00:00:00Z")).isNull();
	}

	@Property(tries = 2000)
	void agreesWithTheGeneralParserOnUtcTexts(@ForAll("utcTexts") String text) {
		assertThat(EnvelopeTimestamps.parse(text)).isEqualTo(WebhookTimestamps.parse(text));
	}

	@Property(tries = 2000)
	void agreesWithTheGeneralParserOnMutatedTexts(@ForAll("utcTexts") String text,
			@ForAll @IntRange(min = 0, max = 29) int position, @ForAll("characters") char replacement) {
		String mutated = (position < text.length())
				? text.substring(0, position) + replacement + text.substring(position + 1) : text + replacement;
		assertThat(EnvelopeTimestamps.parse(mutated)).isEqualTo(WebhookTimestamps.parse(mutated));
	}

	@Provide
	Arbitrary<String> utcTexts() {
		Arbitrary<String> dates = Combinators.combine(Arbitraries.integers().between(0, 9999),
				Arbitraries.integers().between(0, 13), Arbitraries.integers().between(0, 32))
			.as((year, month, day) -> String.format("%04d-%02d-%02d", year, month, day));
		Arbitrary<String> times = Combinators.combine(Arbitraries.integers().between(0, 24),
				Arbitraries.integers().between(0, 60), Arbitraries.integers().between(0, 60))
			.as((hour, minute, second) -> String.format("T%02d:%02d:%02d", hour, minute, second));
		Arbitrary<String> fractions = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("."),
				Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(10).map((digits) -> "." + digits));
		return Combinators.combine(dates, times, fractions).as((date, time, fraction) -> date + time + fraction + "Z");
	}

	@Provide
	Arbitrary<Character> characters() {
		return Arbitraries.of('0', '1', '2', '5', '9', '-', ':', '.', 'T', 'Z', 't', 'z', ' ', '+', 'x');
	}

}
