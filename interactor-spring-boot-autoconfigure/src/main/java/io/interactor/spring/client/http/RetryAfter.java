package io.interactor.spring.client.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * Parses a {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110 section 10.2.3).
 */
public final class RetryAfter {

	private RetryAfter() {
	}

	/**
	 * Parse a {@code Retry-After} value.
	 * @param value the header value, possibly {@code null}
	 * @param clock the clock an HTTP-date is measured against
	 * @return the delay (zero for a date in the past), or {@code null} when absent or unreadable
	 */
	public static @Nullable Duration parse(@Nullable String value, Clock clock) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		if (trimmed.chars().allMatch(Character::isDigit)) {
			try {
				return Duration.ofSeconds(Long.parseLong(trimmed));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		try {
			Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration delay = Duration.between(clock.instant(), at);
			return delay.isNegative() ? Duration.ZERO : delay;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
