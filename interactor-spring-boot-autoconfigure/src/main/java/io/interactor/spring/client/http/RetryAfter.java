package io.interactor.spring.client.http;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Parses a {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110 section 10.2.3).
 * <p>
 * Delay-seconds are ASCII digits only: a sign, a fraction or any other digit (such as Arabic-Indic ones) makes the
 * value unreadable. An HTTP-date is read in any of the three forms a recipient must accept (RFC 9110 section 5.6.7):
 * <ul>
 * <li>IMF-fixdate: {@code Sun, 06 Nov 1994 08:49:37 GMT}</li>
 * <li>RFC 850: {@code Sunday, 06-Nov-94 08:49:37 GMT}; a two-digit year that would lie more than 50 years in the
 * future means the most recent past year with those digits</li>
 * <li>asctime: {@code Sun Nov  6 08:49:37 1994}</li>
 * </ul>
 * Names are case-sensitive, as HTTP-dates are; the day name is checked for form but, like most HTTP stacks, not
 * against the date. Delays longer than {@link #MAX_DELAY} are cut to it, so that a caller's arithmetic never
 * overflows; callers cap them far lower anyway.
 *
 * @since 0.1.0
 */
public final class RetryAfter {

	/** The longest delay returned, 2<sup>31</sup> seconds (about 68 years), as HTTP caches bound delta-seconds. */
	public static final Duration MAX_DELAY = Duration.ofSeconds(1L << 31);

	private static final String DAY_NAME = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";

	private static final String DAY_NAME_LONG = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

	private static final String MONTH = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";

	private static final String TIME = "([0-9]{2}):([0-9]{2}):([0-9]{2})";

	private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
			"Oct", "Nov", "Dec");

	/** Groups: day, month, year, hour, minute, second. */
	private static final Pattern IMF_FIXDATE = Pattern
		.compile(DAY_NAME + ", ([0-9]{2}) " + MONTH + " ([0-9]{4}) " + TIME + " GMT");

	/** Groups: day, month, two-digit year, hour, minute, second. */
	private static final Pattern RFC_850 = Pattern
		.compile(DAY_NAME_LONG + ", ([0-9]{2})-" + MONTH + "-([0-9]{2}) " + TIME + " GMT");

	/** Groups: month, day (two digits or a space and one digit), hour, minute, second, year. */
	private static final Pattern ASCTIME = Pattern
		.compile(DAY_NAME + " " + MONTH + " ([0-9]{2}| [0-9]) " + TIME + " ([0-9]{4})");

	private static final Pattern DELAY_SECONDS = Pattern.compile("[0-9]+");

	/** Digits beyond which delay-seconds certainly exceed {@link #MAX_DELAY}, and would overflow a long. */
	private static final int MAX_DELAY_DIGITS = 18;

	private RetryAfter() {
	}

	/**
	 * Parse a {@code Retry-After} value.
	 * @param value the header value, possibly {@code null}; surrounding spaces and tabs are ignored
	 * @param clock the clock an HTTP-date is measured against
	 * @return the delay (zero for a date in the past, at most {@link #MAX_DELAY}), or {@code null} when absent or
	 * unreadable
	 */
	public static @Nullable Duration parse(@Nullable String value, Clock clock) {
		if (value == null) {
			return null;
		}
		String trimmed = trimWhitespace(value);
		if (trimmed.isEmpty()) {
			return null;
		}
		if (DELAY_SECONDS.matcher(trimmed).matches()) {
			return delaySeconds(trimmed);
		}
		Instant at = httpDate(trimmed, clock);
		if (at == null) {
			return null;
		}
		Duration delay = Duration.between(clock.instant(), at);
		if (delay.isNegative()) {
			return Duration.ZERO;
		}
		return (delay.compareTo(MAX_DELAY) > 0) ? MAX_DELAY : delay;
	}

	private static Duration delaySeconds(String digits) {
		String significant = digits.replaceFirst("^0+(?=.)", "");
		if (significant.length() > MAX_DELAY_DIGITS) {
			return MAX_DELAY;
		}
		Duration delay = Duration.ofSeconds(Long.parseLong(significant));
		return (delay.compareTo(MAX_DELAY) > 0) ? MAX_DELAY : delay;
	}

	/**
	 * Read an HTTP-date in any of its three forms.
	 * @param value the trimmed value
	 * @param clock now, for the century of an RFC 850 date
	 * @return the instant, or {@code null} when {@code value} is no HTTP-date
	 */
	static @Nullable Instant httpDate(String value, Clock clock) {
		Matcher matcher = IMF_FIXDATE.matcher(value);
		if (matcher.matches()) {
			return dateTime(number(matcher.group(3)), month(matcher.group(2)), number(matcher.group(1)), matcher, 4);
		}
		matcher = ASCTIME.matcher(value);
		if (matcher.matches()) {
			return dateTime(number(matcher.group(6)), month(matcher.group(1)), number(matcher.group(2).trim()),
					matcher, 3);
		}
		matcher = RFC_850.matcher(value);
		if (matcher.matches()) {
			int month = month(matcher.group(2));
			int day = number(matcher.group(1));
			int year = fullYear(number(matcher.group(3)), month, day, matcher, 4, clock);
			return dateTime(year, month, day, matcher, 4);
		}
		return null;
	}

	/**
	 * The latest year ending in {@code twoDigits} in which the date lies at most 50 years after now.
	 */
	private static int fullYear(int twoDigits, int month, int day, Matcher matcher, int timeGroup, Clock clock) {
		LocalDateTime limit = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).plusYears(50);
		int year = limit.getYear() - Math.floorMod(limit.getYear() - twoDigits, 100);
		if (year == limit.getYear()) {
			int[] date = { month, day, number(matcher.group(timeGroup)), number(matcher.group(timeGroup + 1)),
					number(matcher.group(timeGroup + 2)) };
			int[] bound = { limit.getMonthValue(), limit.getDayOfMonth(), limit.getHour(), limit.getMinute(),
					limit.getSecond() };
			if (Arrays.compare(date, bound) > 0) {
				year -= 100;
			}
		}
		return year;
	}

	private static @Nullable Instant dateTime(int year, int month, int day, Matcher matcher, int timeGroup) {
		int hour = number(matcher.group(timeGroup));
		int minute = number(matcher.group(timeGroup + 1));
		int second = number(matcher.group(timeGroup + 2));
		if (second > 60) {
			return null;
		}
		try {
			// 60 is a leap second, which java.time does not model: it is the start of the next minute.
			LocalDateTime time = LocalDate.of(year, month, day).atTime(hour, minute, Math.min(second, 59));
			return ((second == 60) ? time.plusSeconds(1) : time).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeException ex) {
			// 31 Feb, 29 Feb of a common year, hour 24, minute 61, ...
			return null;
		}
	}

	private static int month(String name) {
		return MONTHS.indexOf(name) + 1;
	}

	private static int number(String asciiDigits) {
		return Integer.parseInt(asciiDigits);
	}

	private static String trimWhitespace(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && isWhitespace(value.charAt(start))) {
			start++;
		}
		while (end > start && isWhitespace(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(start, end);
	}

	private static boolean isWhitespace(char c) {
		return c == ' ' || c == '\t';
	}

}
