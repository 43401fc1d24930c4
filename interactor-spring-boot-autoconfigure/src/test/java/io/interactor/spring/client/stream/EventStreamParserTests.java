package io.interactor.spring.client.stream;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBufferFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event stream interpretation rules of the WHATWG HTML standard, one test per rule, fed as bytes; and the same
 * events whatever way the bytes are split into chunks.
 */
class EventStreamParserTests {

	@Test
	void lfEndsALine() {
		assertThat(parse("data: a\ndata: b\n\n")).containsExactly(message("a\nb", ""));
	}

	@Test
	void crlfEndsALine() {
		assertThat(parse("data: a\r\ndata: b\r\n\r\n")).containsExactly(message("a\nb", ""));
	}

	@Test
	void crAloneEndsALine() {
		assertThat(parse("data: a\rdata: b\r\r")).containsExactly(message("a\nb", ""));
	}

	@Test
	void lineEndingsMayBeMixed() {
		assertThat(parse("data: a\r\ndata: b\rdata: c\n\r\n")).containsExactly(message("a\nb\nc", ""));
	}

	@Test
	void crThenLfInTheNextChunkIsOneLineEnd() {
		EventStreamParser parser = new EventStreamParser(null);
		assertThat(feed(parser, "data: a\r")).isEmpty();
		// Had the LF ended a second, blank, line, "a" would be dispatched here.
		assertThat(feed(parser, "\ndata: b\r")).isEmpty();
		assertThat(feed(parser, "\n\r")).containsExactly(message("a\nb", ""));
		assertThat(feed(parser, "\ndata: c\n\n")).containsExactly(message("c", ""));
	}

	@Test
	void twoCrsAreTwoLineEnds() {
		assertThat(parse("data: a\r\rdata: b\r\r")).containsExactly(message("a", ""), message("b", ""));
	}

	@Test
	void leadingByteOrderMarkIsIgnored() {
		assertThat(parse("\uFEFFdata: a\n\n")).containsExactly(message("a", ""));
		assertThat(parse("\uFEFF: comment\ndata: a\n\n")).containsExactly(message("a", ""));
	}

	@Test
	void onlyOneLeadingByteOrderMarkIsIgnored() {
		// The second one is part of the field name, which is then unknown.
		assertThat(parse("\uFEFF\uFEFFdata: a\n\ndata: b\n\n")).containsExactly(message("b", ""));
	}

	@Test
	void byteOrderMarkLaterInTheStreamIsData() {
		assertThat(parse("data: a\n\n\uFEFFdata: b\n\ndata: \uFEFFc\n\n")).containsExactly(message("a", ""),
				message("\uFEFFc", ""));
	}

	@Test
	void byteOrderMarkSplitAcrossChunksIsIgnored() {
		byte[] bytes = bytes("\uFEFFdata: a\n\n");
		EventStreamParser parser = new EventStreamParser(null);
		assertThat(parser.parse(bytes, 0, 1)).isEmpty();
		assertThat(parser.parse(bytes, 1, 1)).isEmpty();
		assertThat(parser.parse(bytes, 2, bytes.length - 2)).containsExactly(message("a", ""));
	}

	@Test
	void commentsAreIgnored() {
		assertThat(parse(": hello\ndata: a\n:\n: data: b\ndata: c\n\n")).containsExactly(message("a\nc", ""));
	}

	@Test
	void commentsAloneDispatchNothing() {
		assertThat(parse(": keep-alive\n\n:\n\n")).isEmpty();
	}

	@Test
	void unknownFieldsAreIgnored() {
		assertThat(parse("foo: bar\nData: x\ndata : y\ndata: a\nevents: z\n\n")).containsExactly(message("a", ""));
	}

	@Test
	void lineWithoutColonIsAFieldWithAnEmptyValue() {
		// "data" appends an empty line; "event" resets the name to the default.
		assertThat(parse("data\n\n")).containsExactly(message("", ""));
		assertThat(parse("data: a\ndata\ndata: b\n\n")).containsExactly(message("a\n\nb", ""));
		assertThat(parse("event: x\nevent\ndata: a\n\n")).containsExactly(message("a", ""));
		assertThat(parse("id: 1\nid\ndata: a\n\n")).containsExactly(message("a", ""));
	}

	@Test
	void oneLeadingSpaceAfterTheColonIsRemoved() {
		assertThat(parse("data:a\n\n")).containsExactly(message("a", ""));
		assertThat(parse("data: a\n\n")).containsExactly(message("a", ""));
		assertThat(parse("data:  a \n\n")).containsExactly(message(" a ", ""));
		assertThat(parse("data:\ta\n\n")).containsExactly(message("\ta", ""));
		assertThat(parse("event:  spaced\ndata: a\n\n")).containsExactly(new MessageEvent(" spaced", "a", ""));
		assertThat(parse("id:  7\ndata: a\n\n")).containsExactly(message("a", " 7"));
	}

	@Test
	void dataLinesAreJoinedWithLfWithoutATrailingOne() {
		assertThat(parse("data: {\"a\":\ndata:\ndata: 1}\n\n")).containsExactly(message("{\"a\":\n\n1}", ""));
		assertThat(parse("data:\n\n")).containsExactly(message("", ""));
		assertThat(parse("data:\ndata:\n\n")).containsExactly(message("\n", ""));
		assertThat(parse("data: a: b\n\n")).containsExactly(message("a: b", ""));
	}

	@Test
	void eventNamesTheNextDispatchOnly() {
		assertThat(parse("event: message.delta\ndata: a\n\ndata: b\n\nevent: x\nevent: y\ndata: c\n\n"))
			.containsExactly(new MessageEvent("message.delta", "a", ""), message("b", ""), new MessageEvent("y", "c", ""));
	}

	@Test
	void idSetsTheLastEventIdWhichPersistsAcrossEvents() {
		EventStreamParser parser = new EventStreamParser(null);
		assertThat(feed(parser, "id: 1\ndata: a\n\ndata: b\n\nid: 2\ndata: c\n\n")).containsExactly(message("a", "1"),
				message("b", "1"), message("c", "2"));
		assertThat(parser.lastEventId()).isEqualTo("2");
	}

	@Test
	void emptyIdResetsTheLastEventId() {
		EventStreamParser parser = new EventStreamParser(null);
		assertThat(feed(parser, "id: 1\ndata: a\n\nid:\ndata: b\n\n")).containsExactly(message("a", "1"),
				message("b", ""));
		assertThat(parser.lastEventId()).isEmpty();
	}

	@Test
	void idContainingNullIsIgnored() {
		EventStreamParser parser = new EventStreamParser(null);
		assertThat(feed(parser, "id: 1\ndata: a\n\nid: 2\u0000x\ndata: b\n\n")).containsExactly(message("a", "1"),
				message("b", "1"));
		assertThat(parser.lastEventId()).isEqualTo("1");
	}

	@Test
	void idOfAnEventWithoutDataStillBecomesTheLastEventId() {
		EventStreamParser parser = new EventStreamParser(null);
		assertThat(feed(parser, "id: 5\n\n")).isEmpty();
		assertThat(parser.lastEventId()).isEqualTo("5");
	}

	@Test
	void idTakesEffectOnlyWhenItsEventIsDispatched() {
		EventStreamParser parser = new EventStreamParser("1");
		assertThat(feed(parser, "id: 2\ndata: a\n")).isEmpty();
		assertThat(parser.lastEventId()).isEqualTo("1");
	}

	@Test
	void lastEventIdOfThePreviousConnectionIsKept() {
		EventStreamParser parser = new EventStreamParser("41");
		assertThat(feed(parser, "data: a\n\nid: 42\ndata: b\n\n")).containsExactly(message("a", "41"),
				message("b", "42"));
	}

	@Test
	void retryWithAsciiDigitsSetsTheReconnectionTime() {
		EventStreamParser parser = new EventStreamParser(null);
		assertThat(parser.reconnectionTime()).isNull();
		assertThat(feed(parser, "retry: 1500\n")).isEmpty();
		assertThat(parser.reconnectionTime()).isEqualTo(Duration.ofMillis(1500));
		feed(parser, "retry:0\n");
		assertThat(parser.reconnectionTime()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "retry: none", "retry:", "retry", "retry: 1500.5", "retry: -1", "retry: +1",
			"retry:  15", "retry: 15 ", "retry: 1e3", "retry: ١٥", "retry: 0x10" })
	void retryWithAnythingButAsciiDigitsIsIgnored(String line) {
		EventStreamParser parser = new EventStreamParser(null);
		feed(parser, "retry: 3000\n");
		assertThat(feed(parser, line + "\ndata: {\"type\":\"message.delta\",\"content\":\"a\"}\n\n"))
			.containsExactly(message("{\"type\":\"message.delta\",\"content\":\"a\"}", ""));
		assertThat(parser.reconnectionTime()).isEqualTo(Duration.ofMillis(3000));
	}

	@Test
	void retryTooLargeForALongIsCutInsteadOfFailing() {
		EventStreamParser parser = new EventStreamParser(null);
		feed(parser, "retry: 99999999999999999999999999\n");
		assertThat(parser.reconnectionTime()).isPositive();
		assertThat(parser.reconnectionTime().toNanos()).isPositive();
	}

	@Test
	void blankLineDispatches() {
		EventStreamParser parser = new EventStreamParser(null);
		assertThat(feed(parser, "data: a\n")).isEmpty();
		assertThat(feed(parser, "\n")).containsExactly(message("a", ""));
	}

	@Test
	void emptyDataBufferDispatchesNothing() {
		assertThat(parse("event: heartbeat\n\n\n\n\nid: 3\n\nretry: 10\n\nfoo\n\n")).isEmpty();
		// and the event name does not leak into the next event
		assertThat(parse("event: x\n\ndata: a\n\n")).containsExactly(message("a", ""));
	}

	@Test
	void incompleteEventAtTheEndOfTheStreamIsNotDispatched() {
		EventStreamParser parser = new EventStreamParser(null);
		assertThat(feed(parser, "data: a\n\ndata: b\n")).containsExactly(message("a", ""));
		assertThat(feed(parser, "data: c")).isEmpty();
		// A new connection starts from nothing but the last event id.
		assertThat(feed(new EventStreamParser(parser.lastEventId()), "data: d\n\n")).containsExactly(message("d", ""));
	}

	@Test
	void malformedUtf8BecomesReplacementCharacters() {
		byte[] bytes = concat(bytes("data: a"), new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF }, bytes("b\n\n"));
		assertThat(new EventStreamParser(null).parse(bytes, 0, bytes.length))
			.containsExactly(message("a\uFFFD(\uFFFDb", ""));
	}

	@Test
	void multiByteCharactersSplitAcrossChunksAreKept() {
		byte[] bytes = bytes("data: héllo ☃ 😀\n\n");
		EventStreamParser parser = new EventStreamParser(null);
		List<MessageEvent> events = new ArrayList<>();
		for (int i = 0; i < bytes.length; i++) {
			events.addAll(parser.parse(bytes, i, 1));
		}
		assertThat(events).containsExactly(message("héllo ☃ 😀", ""));
	}

	@Test
	void nullInDataIsKept() {
		assertThat(parse("data: a\u0000b\n\n")).containsExactly(message("a\u0000b", ""));
	}

	@Test
	void eventLargerThanTheLimitIsSkippedWholeAndReadingGoesOn() {
		EventStreamParser parser = new EventStreamParser(null, 64);
		String big = "x".repeat(40);
		List<MessageEvent> events = feed(parser, "id: 1\ndata: a\n\nid: 2\ndata: " + big + "\ndata: " + big
				+ "\nid: 3\n\n: " + "y".repeat(500) + "\ndata: b\n\n");
		assertThat(events).containsExactly(message("a", "1"), message("b", "1"));
		assertThat(parser.lastEventId()).isEqualTo("1");
	}

	@Test
	void lineLongerThanTheLimitIsSkippedWithItsEvent() {
		EventStreamParser parser = new EventStreamParser(null, 64);
		assertThat(feed(parser, "data: " + "z".repeat(1000) + "\rdata: c\r\rdata: d\r\r"))
			.containsExactly(message("d", ""));
	}

	@Test
	void longCommentsAndUnlimitedKeepAlivesDoNotCountTowardsTheLimit() {
		EventStreamParser parser = new EventStreamParser(null, 64);
		StringBuilder stream = new StringBuilder("data: a\n");
		for (int i = 0; i < 100; i++) {
			stream.append(": keep-alive ").append("k".repeat(100)).append('\n');
		}
		assertThat(feed(parser, stream.append("data: b\n\n").toString())).containsExactly(message("a\nb", ""));
	}

	@Test
	void dataBufferChunksAreReadAndReleased() {
		NettyDataBufferFactory factory = new NettyDataBufferFactory(ByteBufAllocator.DEFAULT);
		DataBuffer first = factory.wrap(bytes("data: a\r"));
		DataBuffer second = factory.wrap(bytes("\n\r\n"));
		EventStreamParser parser = new EventStreamParser(null);
		assertThat(parser.parse(first)).isEmpty();
		assertThat(parser.parse(second)).containsExactly(message("a", ""));
		assertThat(NettyDataBufferFactory.toByteBuf(first).refCnt()).isZero();
		assertThat(NettyDataBufferFactory.toByteBuf(second).refCnt()).isZero();
		assertThat(parser.parse(DefaultDataBufferFactory.sharedInstance.wrap(bytes("data: b\n\n"))))
			.containsExactly(message("b", ""));
	}

	/** A stream using every rule, whose events must not depend on how the network cut it. */
	private static final String EVERY_RULE = "\uFEFF: hello\r\nretry: none\r\nid: 1\r\nevent: message.delta\r\n"
			+ "data: {\"type\":\"message.delta\",\"content\":\"é☃\"}\r\n\r\n" + "data\rdata:  x\rfoo: bar\r\r"
			+ "id: 2\u0000\nid\nid: 3\ndata: a\ndata: b\n\n" + "event: ping\n\n" + "retry: 10\r\n\r\n"
			+ "data: c\r\n\r\n" + "data: incomplete\r\n";

	@Test
	void eventsDoNotDependOnChunkBoundaries() {
		byte[] bytes = bytes(EVERY_RULE);
		EventStreamParser whole = new EventStreamParser(null);
		List<MessageEvent> expected = whole.parse(bytes, 0, bytes.length);
		assertThat(expected).containsExactly(
				new MessageEvent("message.delta", "{\"type\":\"message.delta\",\"content\":\"é☃\"}", "1"),
				message("\n x", "1"), message("a\nb", "3"), message("c", "3"));
		assertThat(whole.reconnectionTime()).isEqualTo(Duration.ofMillis(10));
		for (int cut = 0; cut <= bytes.length; cut++) {
			EventStreamParser parser = new EventStreamParser(null);
			List<MessageEvent> events = new ArrayList<>(parser.parse(bytes, 0, cut));
			events.addAll(parser.parse(bytes, cut, bytes.length - cut));
			assertThat(events).as("cut at %d", cut).isEqualTo(expected);
			assertThat(parser.lastEventId()).isEqualTo("3");
			assertThat(parser.reconnectionTime()).isEqualTo(Duration.ofMillis(10));
		}
		EventStreamParser byteByByte = new EventStreamParser(null);
		List<MessageEvent> events = new ArrayList<>();
		for (int i = 0; i < bytes.length; i++) {
			events.addAll(byteByByte.parse(bytes, i, 1));
		}
		assertThat(events).isEqualTo(expected);
	}

	@Test
	void arbitraryBytesNeverThrow() {
		Random random = new Random(20261130L);
		byte[] alphabet = bytes("data:id:event:retry: \r\n\u0000é9");
		for (int round = 0; round < 2000; round++) {
			byte[] bytes = new byte[random.nextInt(200)];
			for (int i = 0; i < bytes.length; i++) {
				bytes[i] = random.nextBoolean() ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt();
			}
			EventStreamParser parser = new EventStreamParser(null, 32);
			int position = 0;
			while (position < bytes.length) {
				int length = Math.min(bytes.length - position, 1 + random.nextInt(16));
				parser.parse(bytes, position, length).forEach((event) -> assertThat(event.type()).isNotNull());
				position += length;
			}
		}
	}

	private static List<MessageEvent> parse(String stream) {
		return feed(new EventStreamParser(null), stream);
	}

	private static List<MessageEvent> feed(EventStreamParser parser, String chunk) {
		byte[] bytes = bytes(chunk);
		return parser.parse(bytes, 0, bytes.length);
	}

	private static MessageEvent message(String data, String lastEventId) {
		return new MessageEvent("message", data, lastEventId);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
