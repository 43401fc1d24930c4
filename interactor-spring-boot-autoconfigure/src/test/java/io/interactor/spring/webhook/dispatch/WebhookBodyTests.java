package io.interactor.spring.webhook.dispatch;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WebhookBody}: the one place where the size cap is enforced, while the bytes arrive.
 */
class WebhookBodyTests {

	@Test
	void readsBodiesUpToTheCap() throws Exception {
		byte[] bytes = new byte[100];
		bytes[99] = 7;
		WebhookBody body = new WebhookBody(100, -1);
		assertThat(body.readFrom(new ByteArrayInputStream(bytes))).isTrue();
		assertThat(body.isTooLarge()).isFalse();
		assertThat(body.toByteArray()).isEqualTo(bytes);
		WebhookBody empty = new WebhookBody(100, -1);
		assertThat(empty.readFrom(new ByteArrayInputStream(new byte[0]))).isTrue();
		assertThat(empty.toByteArray()).isEmpty();
	}

	@Test
	void stopsReadingAnEndlessStreamJustAfterTheCap() throws Exception {
		AtomicLong read = new AtomicLong();
		InputStream endless = new InputStream() {

			@Override
			public int read() {
				read.incrementAndGet();
				return 'x';
			}

		};
		WebhookBody body = new WebhookBody(10_000, -1);
		assertThat(body.readFrom(endless)).isFalse();
		assertThat(body.isTooLarge()).isTrue();
		assertThat(read.get()).isEqualTo(10_001);
	}

	@Test
	void declaredLengthOverTheCapIsTooLargeBeforeReading() throws Exception {
		WebhookBody body = new WebhookBody(100, 101);
		assertThat(body.isTooLarge()).isTrue();
		assertThat(body.readFrom(new InputStream() {

			@Override
			public int read() {
				throw new AssertionError("read although the declared length is over the cap");
			}

		})).isFalse();
		assertThat(new WebhookBody(100, 100).isTooLarge()).isFalse();
	}

	@Test
	void chunkThatWouldPassTheCapIsRefusedAndLaterChunksToo() {
		WebhookBody body = new WebhookBody(10, -1);
		assertThat(body.append(ByteBuffer.wrap(new byte[6]))).isTrue();
		assertThat(body.append(ByteBuffer.wrap(new byte[4]))).isTrue();
		assertThat(body.isTooLarge()).isFalse();
		assertThat(body.toByteArray()).hasSize(10);
		assertThat(body.append(ByteBuffer.wrap(new byte[1]))).isFalse();
		assertThat(body.isTooLarge()).isTrue();
		assertThat(body.append(ByteBuffer.wrap(new byte[0]))).isFalse();
	}

	@Test
	void chunksAreJoinedInOrder() {
		WebhookBody body = new WebhookBody(1 << 20, -1);
		byte[] expected = new byte[20_000];
		for (int i = 0; i < expected.length; i++) {
			expected[i] = (byte) i;
		}
		for (int offset = 0; offset < expected.length; offset += 3000) {
			body.append(ByteBuffer.wrap(expected, offset, Math.min(3000, expected.length - offset)));
		}
		assertThat(body.toByteArray()).isEqualTo(expected);
	}

	@Test
	void completeBodyIsCheckedAgainstTheCap() {
		byte[] bytes = new byte[11];
		assertThat(WebhookBody.of(bytes, 11).isTooLarge()).isFalse();
		assertThat(WebhookBody.of(bytes, 11).toByteArray()).isSameAs(bytes);
		assertThat(WebhookBody.of(bytes, 10).isTooLarge()).isTrue();
	}

	@Test
	void bodyOfTheDeclaredLengthIsReadIntoOneArrayOfThatSize() throws Exception {
		byte[] bytes = numbered(1024);
		WebhookBody body = new WebhookBody(1 << 20, bytes.length);
		assertThat(body.readFrom(new ByteArrayInputStream(bytes))).isTrue();
		byte[] read = body.toByteArray();
		assertThat(read).isEqualTo(bytes);
		// no trimming copy: the array the body was read into is the one handed on
		assertThat(body.toByteArray()).isSameAs(read);
	}

	@Test
	void streamLongerThanDeclaredIsReadWithinTheCap() throws Exception {
		byte[] bytes = numbered(3000);
		WebhookBody body = new WebhookBody(5000, 1000);
		assertThat(body.readFrom(new ByteArrayInputStream(bytes))).isTrue();
		assertThat(body.toByteArray()).isEqualTo(bytes);
		WebhookBody shorter = new WebhookBody(5000, 1000);
		assertThat(shorter.readFrom(new ByteArrayInputStream(numbered(10)))).isTrue();
		assertThat(shorter.toByteArray()).isEqualTo(numbered(10));
	}

	@Test
	void streamPastTheCapIsTooLargeWhateverWasDeclared() throws Exception {
		for (long declared : new long[] { -1, 0, 10, 100 }) {
			AtomicLong read = new AtomicLong();
			InputStream endless = new InputStream() {

				@Override
				public int read() {
					read.incrementAndGet();
					return 'x';
				}

			};
			WebhookBody body = new WebhookBody(100, declared);
			assertThat(body.readFrom(endless)).as("declared %d", declared).isFalse();
			assertThat(body.isTooLarge()).isTrue();
			assertThat(read.get()).as("declared %d", declared).isEqualTo(101);
		}
		WebhookBody exactlyTheCap = new WebhookBody(100, 100);
		assertThat(exactlyTheCap.readFrom(new ByteArrayInputStream(numbered(100)))).isTrue();
		assertThat(exactlyTheCap.toByteArray()).isEqualTo(numbered(100));
	}

	@Test
	void largeDeclaredLengthIsNotAllocatedBeforeTheBytesArrive() throws Exception {
		// 1 MiB declared, 5 bytes sent: read in full, no matter what was promised
		WebhookBody body = new WebhookBody(2 << 20, 1 << 20);
		assertThat(body.readFrom(new ByteArrayInputStream(numbered(5)))).isTrue();
		assertThat(body.toByteArray()).isEqualTo(numbered(5));
		byte[] large = numbered(300_000);
		WebhookBody full = new WebhookBody(2 << 20, large.length);
		assertThat(full.readFrom(new ByteArrayInputStream(large))).isTrue();
		assertThat(full.toByteArray()).isEqualTo(large);
	}

	private static byte[] numbered(int length) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) i;
		}
		return bytes;
	}

}
