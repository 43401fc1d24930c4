package io.interactor.spring.webhook.signature;

/**
 * Reads the {@code X-Interactor-Signature} header: 64 hex characters in either case, optionally prefixed with
 * {@code sha256=} (in either case), surrounded by optional whitespace. Decodes into a caller's array, so verifying a
 * delivery creates no string or array for it.
 */
final class SignatureHex {

	private static final String PREFIX = "sha256=";

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
		if (end - start > PREFIX.length() && header.regionMatches(true, start, PREFIX, 0, PREFIX.length())) {
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
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if (c >= 'a' && c <= 'f') {
			return c - 'a' + 10;
		}
		if (c >= 'A' && c <= 'F') {
			return c - 'A' + 10;
		}
		return -1;
	}

}
