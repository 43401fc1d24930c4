package io.interactor.spring.client.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.util.Assert;

/**
 * Reads a {@code text/event-stream} body the way a browser's {@code EventSource} does (the "event stream
 * interpretation" of the WHATWG HTML standard), from bytes that may be split anywhere:
 * <ul>
 * <li>UTF-8, one leading byte order mark ignored, malformed bytes read as U+FFFD;</li>
 * <li>lines end with CRLF, LF or CR, also when a CRLF is split between two chunks;</li>
 * <li>a line starting with {@code :} is a comment; {@code name: value} is a field, one space after the colon being
 * dropped; a line without a colon is a field with an empty value; unknown fields are ignored;</li>
 * <li>{@code event} names the event; {@code data} lines are joined with LF; {@code id} sets the last event id unless
 * it contains NULL, and it is kept for the following events and for the next connection; {@code retry} sets the
 * reconnection time when it is ASCII digits only, and is ignored otherwise;</li>
 * <li>a blank line dispatches the event, unless no {@code data} was given; an event still incomplete when the body
 * ends is discarded.</li>
 * </ul>
 * No input makes it throw. Memory is bounded: an event whose data grows beyond the limit is skipped whole (its
 * {@code id} included) and reading goes on with the next one.
 * <p>
 * One instance reads one connection; it is not thread-safe, as the signals of a reactive stream are serialized.
 */
final class EventStreamParser {

	/** The default limit of an event's size: the characters of its data plus the bytes of the line being read. */
	static final int DEFAULT_MAX_EVENT_SIZE = 1024 * 1024;

	private static final Log logger = LogFactory.getLog(EventStreamParser.class);

	private static final byte CR = '\r';

	private static final byte LF = '\n';

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	/** Reconnection times above this are cut to it; no digit string can then overflow. */
	private static final long MAX_RECONNECTION_MILLIS = Long.MAX_VALUE / 1_000_000;

	private final int maxEventSize;

	private byte[] line = new byte[256];

	private int lineLength;

	/** Whether the current line has any byte, even one not retained (a comment's). */
	private boolean lineStarted;

	private boolean lineIsComment;

	/** Whether the previous byte was a CR, so that an LF right after it ends no second line. */
	private boolean afterCr;

	private boolean firstLine = true;

	private final StringBuilder data = new StringBuilder();

	private String eventType = "";

	private String lastEventIdBuffer;

	private String lastEventId;

	/** The id buffer when the current event started, restored when the event is skipped for its size. */
	private String lastEventIdAtEventStart;

	private boolean skippingEvent;

	private @Nullable Duration reconnectionTime;

	/**
	 * Create a parser for a new connection.
	 * @param lastEventId the last event id of the previous connection, or {@code null}
	 */
	EventStreamParser(@Nullable String lastEventId) {
		this(lastEventId, DEFAULT_MAX_EVENT_SIZE);
	}

	/**
	 * Create a parser for a new connection.
	 * @param lastEventId the last event id of the previous connection, or {@code null}
	 * @param maxEventSize the largest event kept: the characters of its data plus the bytes of the line being read
	 */
	EventStreamParser(@Nullable String lastEventId, int maxEventSize) {
		Assert.isTrue(maxEventSize > 0, "maxEventSize must be positive");
		this.maxEventSize = maxEventSize;
		this.lastEventId = (lastEventId != null) ? lastEventId : "";
		this.lastEventIdBuffer = this.lastEventId;
		this.lastEventIdAtEventStart = this.lastEventId;
	}

	/**
	 * Read a chunk of the body and release it.
	 * @param buffer the chunk
	 * @return the events it completed, in order
	 */
	List<MessageEvent> parse(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return parse(bytes, 0, bytes.length);
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	/**
	 * Read a chunk of the body.
	 * @param bytes holds the chunk
	 * @param offset where it starts
	 * @param length its length
	 * @return the events it completed, in order
	 */
	List<MessageEvent> parse(byte[] bytes, int offset, int length) {
		List<MessageEvent> events = new ArrayList<>(0);
		for (int i = offset; i < offset + length; i++) {
			byte b = bytes[i];
			if (this.afterCr) {
				this.afterCr = false;
				if (b == LF) {
					continue;
				}
			}
			if (b == CR || b == LF) {
				this.afterCr = (b == CR);
				endLine(events);
			}
			else {
				append(b);
			}
		}
		return events;
	}

	/**
	 * The last event id as of the last dispatch: what a reconnect sends as {@code Last-Event-ID}.
	 * @return the id, empty when none was set (or the server reset it with an empty {@code id})
	 */
	String lastEventId() {
		return this.lastEventId;
	}

	/**
	 * The reconnection time the server asked for with {@code retry}.
	 * @return the time, or {@code null} when it sent none
	 */
	@Nullable Duration reconnectionTime() {
		return this.reconnectionTime;
	}

	private void append(byte b) {
		if (!this.lineStarted) {
			this.lineStarted = true;
			this.lineIsComment = (b == ':');
		}
		if (this.lineIsComment || this.skippingEvent) {
			// Neither is ever read: keep no bytes.
			return;
		}
		if (this.data.length() + this.lineLength >= this.maxEventSize) {
			skipEvent();
			return;
		}
		if (this.lineLength == this.line.length) {
			this.line = Arrays.copyOf(this.line, Math.min(this.line.length * 2, this.maxEventSize));
		}
		this.line[this.lineLength++] = b;
	}

	private void skipEvent() {
		logger.warn("Skipped a server-sent event larger than " + this.maxEventSize + " bytes");
		this.skippingEvent = true;
		this.lineLength = 0;
		this.data.setLength(0);
		this.eventType = "";
		this.lastEventIdBuffer = this.lastEventIdAtEventStart;
	}

	private void endLine(List<MessageEvent> events) {
		boolean blank = !this.lineStarted;
		String text = (this.lineIsComment || this.skippingEvent || blank) ? "" : decodeLine();
		this.lineLength = 0;
		this.lineStarted = false;
		boolean comment = this.lineIsComment;
		this.lineIsComment = false;
		this.firstLine = false;
		if (blank) {
			if (this.skippingEvent) {
				this.skippingEvent = false;
			}
			else {
				dispatch(events);
			}
			this.lastEventIdAtEventStart = this.lastEventIdBuffer;
		}
		else if (!comment && !this.skippingEvent) {
			field(text);
		}
	}

	private String decodeLine() {
		int start = 0;
		if (this.firstLine && startsWithBom()) {
			start = BOM.length;
		}
		// Bytes that are not UTF-8 become U+FFFD, as in a browser.
		return new String(this.line, start, this.lineLength - start, StandardCharsets.UTF_8);
	}

	private boolean startsWithBom() {
		return this.lineLength >= BOM.length && this.line[0] == BOM[0] && this.line[1] == BOM[1]
				&& this.line[2] == BOM[2];
	}

	private void field(String line) {
		if (line.isEmpty() || line.charAt(0) == ':') {
			// A line that held only the byte order mark, or a comment behind it.
			return;
		}
		int colon = line.indexOf(':');
		String name = (colon >= 0) ? line.substring(0, colon) : line;
		String value = (colon >= 0) ? line.substring(colon + 1) : "";
		if (value.startsWith(" ")) {
			value = value.substring(1);
		}
		switch (name) {
			case "event" -> this.eventType = value;
			case "data" -> this.data.append(value).append('\n');
			case "id" -> {
				if (value.indexOf('\0') < 0) {
					this.lastEventIdBuffer = value;
				}
			}
			case "retry" -> retry(value);
			default -> {
				// Unknown fields are ignored.
			}
		}
	}

	private void retry(String value) {
		if (value.isEmpty()) {
			return;
		}
		long millis = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return;
			}
			millis = Math.min(millis * 10 + (c - '0'), MAX_RECONNECTION_MILLIS);
		}
		this.reconnectionTime = Duration.ofMillis(millis);
	}

	private void dispatch(List<MessageEvent> events) {
		this.lastEventId = this.lastEventIdBuffer;
		if (this.data.isEmpty()) {
			this.eventType = "";
			return;
		}
		this.data.setLength(this.data.length() - 1);
		events.add(new MessageEvent(this.eventType.isEmpty() ? StreamEventTypes.MESSAGE : this.eventType,
				this.data.toString(), this.lastEventId));
		this.data.setLength(0);
		this.eventType = "";
	}

}
