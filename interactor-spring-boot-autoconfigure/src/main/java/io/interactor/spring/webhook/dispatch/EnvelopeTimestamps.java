package io.interactor.spring.webhook.dispatch;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

import io.interactor.spring.webhook.signature.WebhookTimestamps;
import org.jspecify.annotations.Nullable;

/**
 * Reads an envelope's timestamp like {@link WebhookTimestamps#parse(String)}, with a fast path for the form the
 * platform writes: UTC with a {@code Z}, e.g. {@code 2024-01-20T12:00:00Z} or {@code 2024-01-20T12:00:00.123456Z}.
 * {@code OffsetDateTime.parse} takes several microseconds per delivery for it; this path reads the fixed positions and
 * checks the same ranges (a date that does not exist, hour 24 and second 60 are left to the general parser, which
 * refuses them). Any other text goes to {@link WebhookTimestamps#parse(String)}, so the result is the same for every
 * input.
 */
final class EnvelopeTimestamps {

	/** {@code yyyy-MM-ddTHH:mm:ssZ}. */
	private static final int SHORTEST = 20;

	/** {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ}. */
	private static final int LONGEST = 30;

	private static final int SECONDS_PER_DAY = 86_400;

	private EnvelopeTimestamps() {
	}

	/**
	 * Parse an envelope timestamp.
	 * @param value the text of the field
	 * @return the instant, or {@code null} when {@link WebhookTimestamps#parse(String)} reads none
	 */
	static @Nullable Instant parse(String value) {
		Instant instant = parseUtc(value);
		return (instant != null) ? instant : WebhookTimestamps.parse(value);
	}

	/** The instant of {@code yyyy-MM-ddTHH:mm:ss[.n{1,9}]Z}, or {@code null} for any other text. */
	static @Nullable Instant parseUtc(String value) {
		int length = value.length();
		if (length < SHORTEST || length > LONGEST || length == SHORTEST + 1 || value.charAt(4) != '-'
				|| value.charAt(7) != '-' || value.charAt(10) != 'T' || value.charAt(13) != ':'
				|| value.charAt(16) != ':' || value.charAt(length - 1) != 'Z') {
			return null;
		}
		int year = digits(value, 0, 4);
		int month = digits(value, 5, 2);
		int day = digits(value, 8, 2);
		int hour = digits(value, 11, 2);
		int minute = digits(value, 14, 2);
		int second = digits(value, 17, 2);
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
				|| minute > 59 || second < 0 || second > 59) {
			return null;
		}
		int nanos = 0;
		if (length > SHORTEST) {
			// ".n" up to ".nnnnnnnnn" before the Z
			if (value.charAt(19) != '.') {
				return null;
			}
			int fractionDigits = length - SHORTEST - 1;
			int fraction = digits(value, 20, fractionDigits);
			if (fraction < 0) {
				return null;
			}
			nanos = fraction;
			for (int i = fractionDigits; i < 9; i++) {
				nanos *= 10;
			}
		}
		long epochDay;
		try {
			epochDay = LocalDate.of(year, month, day).toEpochDay();
		}
		catch (DateTimeException ex) {
			return null;
		}
		return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
	}

	/** The decimal number of {@code count} ASCII digits from {@code start}, or -1 when one is not a digit. */
	private static int digits(String value, int start, int count) {
		int number = 0;
		for (int i = start; i < start + count; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			number = number * 10 + (c - '0');
		}
		return number;
	}

}
