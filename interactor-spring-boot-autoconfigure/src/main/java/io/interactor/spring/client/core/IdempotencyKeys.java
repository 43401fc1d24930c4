package io.interactor.spring.client.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.util.Assert;

/**
 * Builds {@code Idempotency-Key} values.
 *
 * @since 0.1.0
 */
public final class IdempotencyKeys {

	private IdempotencyKeys() {
	}

	/**
	 * A random key (UUID v4), as the client generates for creates when none is given.
	 * @return a new key
	 */
	public static String random() {
		return UUID.randomUUID().toString();
	}

	/**
	 * A deterministic key: the hex SHA-256 of the parts, length-prefixed so that {@code ("ab", "c")} and
	 * {@code ("a", "bc")} differ. Use business identifiers, e.g. {@code hash(namespace, name, model)} for an
	 * assistant or {@code hash(orderId, "approval")} for a workflow start.
	 * @param parts the identifying parts; {@code null} parts are hashed as empty
	 * @return a 64-character key
	 */
	public static String hash(Object... parts) {
		Assert.notEmpty(parts, "at least one part is required");
		MessageDigest digest = sha256();
		for (Object part : parts) {
			byte[] bytes = String.valueOf((part != null) ? part : "").getBytes(StandardCharsets.UTF_8);
			digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
			digest.update((byte) ':');
			digest.update(bytes);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
		}
	}

}
