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

	private WebhookTimestamps() {
	}

	/**
	 * Parse a timestamp: Unix seconds, Unix milliseconds (values above 10<sup>12</sup>) or an ISO-8601 date-time with
	 * an offset (e.g. {@code 2024-01-20T12:00:00Z}). Surrounding whitespace is ignored.
	 * @param value the text, e.g. a header value or a JSON field
	 * @return the instant, or {@code null} when the value is none of these forms
	 */
	public static @Nullable Instant parse(String value) {
		String trimmed = value.trim();
		if (trimmed.isEmpty()) {
			return null;
		}
		if (isDigits(trimmed)) {
			if (trimmed.length() > 18) {
				return null;
			}
			long number = Long.parseLong(trimmed);
			return (number > MILLIS_THRESHOLD) ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
		}
		try {
			return OffsetDateTime.parse(trimmed).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** A plain loop: this runs for every delivery, and a stream pipeline costs more than the check. */
	private static boolean isDigits(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

}
