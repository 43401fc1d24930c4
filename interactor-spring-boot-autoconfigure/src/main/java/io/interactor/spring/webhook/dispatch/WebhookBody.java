package io.interactor.spring.webhook.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The raw body of one delivery, collected under the size cap of the {@link WebhookDispatcher} that created it (see
 * {@link WebhookDispatcher#newBody(long)}). The cap is enforced here and nowhere else, while the bytes arrive: a
 * declared length over the cap marks the body too large before anything is read, and a chunk that would take the
 * body over the cap is refused without being buffered. A transport stops reading as soon as {@link #append} or
 * {@link #readFrom} answers {@code false} and hands the body to the dispatcher, which answers 413 for a body that
 * overflowed and otherwise trusts the bytes as they are.
 * <p>
 * Not thread-safe: one reader fills a body, then passes it on.
 *
 * @since 0.1.0
 */
public final class WebhookBody {

	private static final int CHUNK_SIZE = 8192;

	/**
	 * The most a declared length makes us allocate before the bytes arrived: enough for the usual delivery in one
	 * array of the right size, while a sender that declares a large body and sends nothing holds little memory.
	 */
	private static final int MAX_PRESIZE = 64 * 1024;

	/** The largest array the JVM reliably allocates. */
	private static final int MAX_ARRAY_SIZE = Integer.MAX_VALUE - 8;

	private static final byte[] EMPTY = new byte[0];

	private final long maxBytes;

	/** The size of the first array: the declared length (within the cap and {@link #MAX_PRESIZE}) when known. */
	private final int initialCapacity;

	private byte[] bytes;

	private int length;

	private boolean tooLarge;

	/**
	 * Create an empty body.
	 * @param maxBytes the cap, positive
	 * @param declaredLength the length the sender declared ({@code Content-Length}), negative when unknown
	 */
	WebhookBody(long maxBytes, long declaredLength) {
		this.maxBytes = maxBytes;
		this.tooLarge = declaredLength > maxBytes;
		long capacity = (declaredLength >= 0) ? declaredLength : CHUNK_SIZE;
		this.initialCapacity = (int) Math.min(capacity, Math.min(maxBytes, MAX_PRESIZE));
		// Allocated when reading starts, of the declared size when it is known: a body of the declared length is
		// then read into one array, without a copy.
		this.bytes = EMPTY;
	}

	/**
	 * A body that is already complete: too large when it holds more than {@code maxBytes}, else these bytes
	 * (not copied).
	 * @param bytes the complete body
	 * @param maxBytes the cap
	 * @return the body
	 */
	static WebhookBody of(byte[] bytes, long maxBytes) {
		WebhookBody body = new WebhookBody(maxBytes, bytes.length);
		if (!body.tooLarge) {
			body.bytes = bytes;
			body.length = bytes.length;
		}
		return body;
	}

	/**
	 * Append the bytes that arrived, unless they take the body over the cap.
	 * @param chunk the bytes, from its position to its limit; consumed when accepted
	 * @return {@code true} if the body is still within the cap, {@code false} once it is too large (stop reading)
	 */
	public boolean append(ByteBuffer chunk) {
		int count = chunk.remaining();
		if (!reserve(count)) {
			return false;
		}
		chunk.get(this.bytes, this.length, count);
		this.length += count;
		return true;
	}

	/**
	 * Read a stream to its end, unless it holds more than the cap allows; at most one byte beyond the cap is read.
	 * @param input the stream, not closed
	 * @return {@code true} if the whole stream was read within the cap, {@code false} once the body is too large
	 * @throws IOException when reading fails
	 */
	public boolean readFrom(InputStream input) throws IOException {
		if (!this.tooLarge && this.bytes.length == 0) {
			this.bytes = new byte[this.initialCapacity];
		}
		// Read straight into the body's array, which never exceeds the cap; once it is full, one byte tells whether
		// the stream ends there or the array must grow (or the body is over the cap).
		while (!this.tooLarge) {
			if (this.length == this.bytes.length) {
				int next = input.read();
				if (next == -1) {
					return true;
				}
				if (!reserve(1)) {
					return false;
				}
				this.bytes[this.length++] = (byte) next;
				continue;
			}
			int read = input.read(this.bytes, this.length, this.bytes.length - this.length);
			if (read == -1) {
				return true;
			}
			this.length += read;
		}
		return false;
	}

	/**
	 * Whether the body exceeded the cap, declared or read.
	 * @return {@code true} when the delivery must be refused with 413
	 */
	public boolean isTooLarge() {
		return this.tooLarge;
	}

	/**
	 * The bytes collected within the cap.
	 * @return the body
	 */
	byte[] toByteArray() {
		return (this.length == this.bytes.length) ? this.bytes : Arrays.copyOf(this.bytes, this.length);
	}

	private boolean reserve(int count) {
		if (this.tooLarge || count > Math.min(this.maxBytes, MAX_ARRAY_SIZE) - this.length) {
			this.tooLarge = true;
			this.bytes = EMPTY;
			this.length = 0;
			return false;
		}
		int needed = this.length + count;
		if (needed > this.bytes.length) {
			long grown = Math.max(needed, Math.max(this.initialCapacity, 2L * this.bytes.length));
			this.bytes = Arrays.copyOf(this.bytes, (int) Math.min(grown, Math.min(this.maxBytes, MAX_ARRAY_SIZE)));
		}
		return true;
	}

}
