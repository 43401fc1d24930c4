package io.interactor.spring.webhook.signature;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * Reads the timestamps of webhook deliveries, in the {@code X-Interactor-Timestamp} header and in the envelope, which
 * the platform's documents write in three forms.
 *
 * @since 0.1.0
 */
public final class WebhookTimestamps {

	/** Numbers above this are milliseconds: as seconds they would lie beyond the year 33,000. */
	private static final long MILLIS_THRESHOLD = 1_000_000_000_000L;

	/** {@link #epochMillis(String)}: blank, or too many digits for a timestamp. */
	static final long MALFORMED = -1;

	/** {@link #epochMillis(String)}: not a decimal number. */
	static final long NOT_DECIMAL = -2;

	private WebhookTimestamps() {
	}

	/**
	 * Parse a timestamp: Unix seconds, Unix milliseconds (values above 10<sup>12</sup>) or an ISO-8601 date-time with
	 * an offset (e.g. {@code 2024-01-20T12:00:00Z}). Surrounding whitespace is ignored.
	 * @param value the text, e.g. a header value or a JSON field
	 * @return the instant, or {@code null} when the value is none of these forms
	 */
	public static @Nullable Instant parse(String value) {
		long epochMillis = epochMillis(value);
		if (epochMillis >= 0) {
			return Instant.ofEpochMilli(epochMillis);
		}
		return (epochMillis == MALFORMED) ? null : parseIso(value);
	}

	/**
	 * Read an ISO-8601 date-time with an offset, e.g. {@code 2024-01-20T12:00:00Z}.
	 * @param value the text; surrounding whitespace is ignored
	 * @return the instant, or {@code null} when the text is not such a date-time
	 */
	static @Nullable Instant parseIso(String value) {
		try {
			return OffsetDateTime.parse(value.trim()).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * Read a timestamp written as a decimal number of Unix seconds or milliseconds, without creating any object: the
	 * signature verifier does this for every delivery.
	 * @param value the text; surrounding whitespace (as {@link String#trim()} removes it) is ignored
	 * @return the Unix milliseconds ({@code >= 0}); {@link #MALFORMED} when the text is blank or more than 18 digits;
	 * {@link #NOT_DECIMAL} when it holds anything but the ASCII digits {@code 0-9} (it may still be ISO-8601)
	 */
	static long epochMillis(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && value.charAt(start) <= ' ') {
			start++;
		}
		while (end > start && value.charAt(end - 1) <= ' ') {
			end--;
		}
		if (start == end) {
			return MALFORMED;
		}
		long number = 0;
		for (int i = start; i < end; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return NOT_DECIMAL;
			}
			number = number * 10 + (c - '0');
		}
		// 18 digits always fit a long; a longer number may have overflowed and is dropped here
		if (end - start > 18) {
			return MALFORMED;
		}
		return (number > MILLIS_THRESHOLD) ? number : number * 1000;
	}

}
