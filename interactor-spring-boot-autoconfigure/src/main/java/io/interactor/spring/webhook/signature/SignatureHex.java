package io.interactor.spring.webhook.signature;

import java.util.Arrays;

/**
 * Reads the {@code X-Interactor-Signature} header: 64 hex characters in either case, optionally prefixed with
 * {@code sha256=} (in either case), surrounded by optional whitespace. Decodes into a caller's array, so verifying a
 * delivery creates no string or array for it.
 */
final class SignatureHex {

	private static final String PREFIX = "sha256=";

	/** The value of each ASCII character as a hex digit, -1 for all but {@code 0-9a-fA-F}. */
	private static final byte[] NIBBLES = new byte[128];

	static {
		Arrays.fill(NIBBLES, (byte) -1);
		for (int i = 0; i < 16; i++) {
			NIBBLES[Character.forDigit(i, 16)] = (byte) i;
			NIBBLES[Character.toUpperCase(Character.forDigit(i, 16))] = (byte) i;
		}
	}

	private SignatureHex() {
	}

	/**
	 * Decode a signature header. The header is what the sender claims, not a secret: rejecting a malformed one early
	 * reveals nothing, and the comparison with the computed MAC happens elsewhere, in constant time.
	 * @param header the header value
	 * @param into receives the decoded bytes; its length is the expected MAC length (32 for HMAC-SHA256)
	 * @return {@code true} when the header holds exactly {@code 2 * into.length} hex characters (and {@code into}
	 * holds them decoded), {@code false} when it is malformed ({@code into} then holds garbage)
	 */
	static boolean decode(String header, byte[] into) {
		int start = 0;
		int end = header.length();
		// the whitespace String.trim() removes
		while (start < end && header.charAt(start) <= ' ') {
			start++;
		}
		while (end > start && header.charAt(end - 1) <= ' ') {
			end--;
		}
		// the spelling senders use first: cheaper than the case-insensitive comparison
		if (end - start > PREFIX.length() && (header.startsWith(PREFIX, start)
				|| header.regionMatches(true, start, PREFIX, 0, PREFIX.length()))) {
			start += PREFIX.length();
		}
		if (end - start != into.length * 2) {
			return false;
		}
		for (int i = 0; i < into.length; i++) {
			int high = nibble(header.charAt(start + 2 * i));
			int low = nibble(header.charAt(start + 2 * i + 1));
			if ((high | low) < 0) {
				return false;
			}
			into[i] = (byte) ((high << 4) | low);
		}
		return true;
	}

	/** The value of an ASCII hex digit, -1 for anything else (also for the non-ASCII digits Character.digit takes). */
	private static int nibble(char c) {
		return (c < NIBBLES.length) ? NIBBLES[c] : -1;
	}

}
