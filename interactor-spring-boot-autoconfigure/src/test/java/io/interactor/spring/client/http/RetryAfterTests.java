package io.interactor.spring.client.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Retry-After} values: delay-seconds and the three HTTP-date forms of RFC 9110 section 5.6.7.
 */
class RetryAfterTests {

	/** 1994-11-06T08:49:30Z: seven seconds before the RFC's example date. */
	private static final Clock BEFORE_EXAMPLE = Clock.fixed(Instant.parse("1994-11-06T08:49:30Z"), ZoneOffset.UTC);

	private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

	@Test
	void delaySeconds() {
		assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
		assertThat(RetryAfter.parse("0", NOW)).isEqualTo(Duration.ZERO);
		assertThat(RetryAfter.parse("007", NOW)).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void surroundingSpacesAndTabsAreIgnored() {
		assertThat(RetryAfter.parse(" \t5 ", NOW)).isEqualTo(Duration.ofSeconds(5));
		assertThat(RetryAfter.parse("  Sun, 06 Nov 1994 08:49:37 GMT\t", BEFORE_EXAMPLE))
			.isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void absentOrBlankIsNull() {
		assertThat(RetryAfter.parse(null, NOW)).isNull();
		assertThat(RetryAfter.parse("", NOW)).isNull();
		assertThat(RetryAfter.parse(" \t ", NOW)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "-5", "+5", "1.5", "1e3", "5 s", "0x10", "five", "١٢", "１２", "5\u00a0",
			"5, 6" })
	void delaySecondsAreAsciiDigitsOnly(String value) {
		// Arabic-Indic and full-width digits are digits to Character.isDigit, but not to HTTP.
		assertThat(RetryAfter.parse(value, NOW)).isNull();
	}

	@Test
	void hugeDelaySecondsAreCutToTheMaximumInsteadOfOverflowing() {
		assertThat(RetryAfter.parse("2147483648", NOW)).isEqualTo(RetryAfter.MAX_DELAY);
		assertThat(RetryAfter.parse("99999999999999999999999999999999", NOW)).isEqualTo(RetryAfter.MAX_DELAY);
		assertThat(RetryAfter.parse("9223372036854775808", NOW)).isEqualTo(RetryAfter.MAX_DELAY);
		assertThat(RetryAfter.parse("000000000000000000000000000042", NOW)).isEqualTo(Duration.ofSeconds(42));
		// The result stays usable in millisecond and nanosecond arithmetic.
		assertThat(RetryAfter.MAX_DELAY.toNanos()).isPositive();
	}

	@Test
	void imfFixdate() {
		assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", BEFORE_EXAMPLE))
			.isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void rfc850Date() {
		assertThat(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", BEFORE_EXAMPLE))
			.isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void asctimeDate() {
		assertThat(RetryAfter.parse("Sun Nov  6 08:49:37 1994", BEFORE_EXAMPLE)).isEqualTo(Duration.ofSeconds(7));
		assertThat(RetryAfter.parse("Sun Nov 16 08:49:37 1994", BEFORE_EXAMPLE))
			.isEqualTo(Duration.ofDays(10).plusSeconds(7));
	}

	@Test
	void allThreeFormsOfOneInstantAgree() {
		Clock clock = Clock.fixed(Instant.parse("2026-11-30T11:59:00Z"), ZoneOffset.UTC);
		assertThat(RetryAfter.parse("Mon, 30 Nov 2026 12:00:00 GMT", clock)).isEqualTo(Duration.ofSeconds(60));
		assertThat(RetryAfter.parse("Monday, 30-Nov-26 12:00:00 GMT", clock)).isEqualTo(Duration.ofSeconds(60));
		assertThat(RetryAfter.parse("Mon Nov 30 12:00:00 2026", clock)).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void rfc850YearMoreThanFiftyYearsAheadIsTheMostRecentPastOne() {
		// Now is 2026-11-30T12:00:00Z; the window ends 2076-11-30T12:00:00Z.
		assertThat(at("Thursday, 01-Jan-26 00:00:00 GMT")).isEqualTo("2026-01-01T00:00:00Z");
		assertThat(at("Friday, 01-Jan-27 00:00:00 GMT")).isEqualTo("2027-01-01T00:00:00Z");
		assertThat(at("Wednesday, 01-Jan-70 00:00:00 GMT")).isEqualTo("2070-01-01T00:00:00Z");
		assertThat(at("Monday, 30-Nov-76 12:00:00 GMT")).isEqualTo("2076-11-30T12:00:00Z");
		assertThat(at("Monday, 30-Nov-76 12:00:01 GMT")).isEqualTo("1976-11-30T12:00:01Z");
		assertThat(at("Sunday, 06-Nov-94 08:49:37 GMT")).isEqualTo("1994-11-06T08:49:37Z");
		assertThat(at("Saturday, 01-Jan-00 00:00:00 GMT")).isEqualTo("2000-01-01T00:00:00Z");
	}

	@Test
	void rfc850YearWindowFollowsTheClockAcrossACentury() {
		Clock late = Clock.fixed(Instant.parse("2099-06-01T00:00:00Z"), ZoneOffset.UTC);
		// 2101 is two years ahead, well within fifty: not 2001.
		assertThat(RetryAfter.parse("Saturday, 01-Jun-01 00:00:00 GMT", late))
			.isEqualTo(Duration.between(Instant.parse("2099-06-01T00:00:00Z"), Instant.parse("2101-06-01T00:00:00Z")));
	}

	@Test
	void pastDatesAreNoDelay() {
		assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", NOW)).isEqualTo(Duration.ZERO);
		assertThat(RetryAfter.parse("Sun Nov  6 08:49:37 1994", NOW)).isEqualTo(Duration.ZERO);
	}

	@Test
	void farFutureDatesAreCutToTheMaximum() {
		assertThat(RetryAfter.parse("Fri, 31 Dec 9999 23:59:59 GMT", NOW)).isEqualTo(RetryAfter.MAX_DELAY);
	}

	@Test
	void leapSecondIsTheStartOfTheNextMinute() {
		Clock clock = Clock.fixed(Instant.parse("2016-12-31T23:59:50Z"), ZoneOffset.UTC);
		assertThat(RetryAfter.parse("Sat, 31 Dec 2016 23:59:60 GMT", clock)).isEqualTo(Duration.ofSeconds(10));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 06 Nov 1994 08:49:37 +0000",
			"Sun, 06 Nov 94 08:49:37 GMT", "Sun 06 Nov 1994 08:49:37 GMT", "sun, 06 nov 1994 08:49:37 gmt",
			"Sunday, 06 Nov 1994 08:49:37 GMT", "Sun, 06-Nov-94 08:49:37 GMT", "Sunday, 06-Nov-1994 08:49:37 GMT",
			"Sun Nov 6 08:49:37 1994", "Sun Nov  6 08:49:37 94", "Sun Nov 06 08:49:37 1994 GMT",
			"Sun, 31 Feb 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 1994 08:60:00 GMT",
			"Sun, 06 Nov 1994 08:49:61 GMT", "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, ٠٦ Nov 1994 08:49:37 GMT",
			"Wednesday, 29-Feb-23 00:00:00 GMT", "1994-11-06T08:49:37Z", "Sun, 06 Nov 1994 08:49:37 GMT trailing",
			"Sun, 06 Nov 1994" })
	void malformedDatesAreUnreadable(String value) {
		assertThat(RetryAfter.parse(value, NOW)).isNull();
	}

	@Test
	void dayNameIsCheckedForFormNotAgainstTheDate() {
		// 6 Nov 1994 was a Sunday; like most HTTP stacks, the date decides.
		assertThat(RetryAfter.parse("Mon, 06 Nov 1994 08:49:37 GMT", BEFORE_EXAMPLE))
			.isEqualTo(Duration.ofSeconds(7));
	}

	private static String at(String rfc850) {
		// The instant itself: a delay would be zero for every past date.
		return String.valueOf(RetryAfter.httpDate(rfc850, NOW));
	}

}
