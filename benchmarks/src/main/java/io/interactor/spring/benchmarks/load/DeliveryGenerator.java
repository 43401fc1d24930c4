package io.interactor.spring.benchmarks.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import io.interactor.spring.webhook.WebhookSigner;
import io.interactor.spring.webhook.signature.WebhookSignatureVerifier;

/**
 * Writes distinct, validly signed 1 KiB deliveries for the load script, one a line:
 * {@code body TAB timestamp TAB signature}. Each has its own event id (so its own idempotency key) and is signed now,
 * so run it right before the load. Usage: {@code DeliveryGenerator <count> <secret> <file>}.
 *
 * @since 0.1.0
 */
public final class DeliveryGenerator {

	static final int BODY_SIZE = 1024;

	private DeliveryGenerator() {
	}

	public static void main(String[] args) throws IOException {
		int count = Integer.parseInt(args[0]);
		WebhookSigner signer = new WebhookSigner(args[1]);
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		String iso = Instant.now().toString();
		try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
			for (int i = 0; i < count; i++) {
				byte[] body = body("evt_" + UUID.randomUUID(), iso);
				String signature = signer.headers("room.message.created", body, timestamp)
					.getFirst(WebhookSignatureVerifier.SIGNATURE_HEADER);
				out.write(new String(body, StandardCharsets.UTF_8));
				out.write('\t');
				out.write(timestamp);
				out.write('\t');
				out.write(signature);
				out.write('\n');
			}
		}
	}

	static byte[] body(String id, String timestamp) {
		String head = "{\"id\":\"" + id + "\",\"type\":\"room.message.created\",\"timestamp\":\"" + timestamp
				+ "\",\"data\":{\"room_id\":\"room_1\",\"message_id\":\"msg_1\",\"role\":\"user\",\"content\":\"";
		String tail = "\"}}";
		byte[] body = new byte[BODY_SIZE];
		Arrays.fill(body, (byte) 'x');
		System.arraycopy(head.getBytes(StandardCharsets.UTF_8), 0, body, 0, head.length());
		System.arraycopy(tail.getBytes(StandardCharsets.UTF_8), 0, body, BODY_SIZE - tail.length(), tail.length());
		return body;
	}

}
