package io.interactor.spring.client.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.resource.CredentialFilter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Properties of the requests the client builds, checked on the bytes a real peer on 127.0.0.1 receives: whatever
 * id, namespace or query value a caller passes ({@code ../}, {@code %2F}, CR/LF, {@code ?}, {@code #}, unicode), the
 * request line keeps its path (each id is exactly one path segment that decodes back to the id), the query carries
 * exactly the parameters given, and the header block keeps its lines (the namespace is one {@code X-Namespace}
 * header, equal to the argument). A value that cannot be sent that way is rejected with an
 * {@link IllegalArgumentException} before any byte is sent.
 */
class RequestTargetPropertyTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static RawPeer peer;

	private static ReactiveInteractorClient client;

	private static Set<String> baselineHeaderNames;

	@BeforeContainer
	static void start() throws Exception {
		peer = new RawPeer();
		client = ReactiveInteractorClient.builder()
			.credentials("client_props", "secret_props")
			.accountServerUrl(peer.url("/account"))
			.coreApiUrl(peer.url("/core"))
			.retryPolicy(RetryPolicy.NONE)
			.build();
		client.assistants().get("user_1", "asst_1").block(WAIT);
		baselineHeaderNames = peer.take().headerNames();
	}

	@AfterContainer
	static void stop() throws IOException {
		peer.close();
	}

	@Property(tries = 200)
	void anIdIsOnePathSegment(@ForAll("hostileStrings") String id) throws Exception {
		Received received = send(() -> client.credentials().token("user_1", id).block(WAIT));
		if (received == null) {
			return;
		}
		assertThat(received.pathSegments()).containsExactly("core", "credentials", id, "token");
		assertThat(received.query()).isNull();
		assertThat(received.headerNames()).isEqualTo(baselineHeaderNames);
	}

	@Property(tries = 200)
	void aNamespaceIsOneHeader(@ForAll("hostileStrings") String namespace) throws Exception {
		Received received = send(() -> client.assistants().get(namespace, "asst_1").block(WAIT));
		if (received == null) {
			return;
		}
		assertThat(received.pathSegments()).containsExactly("core", "assistants", "asst_1");
		assertThat(received.headerNames()).isEqualTo(baselineHeaderNames);
		assertThat(received.headers().get("x-namespace")).containsExactly(namespace);
	}

	@Property(tries = 200)
	void aQueryValueIsOneParameter(@ForAll("hostileStrings") String provider) throws Exception {
		Received received = send(() -> client.credentials()
			.list("user_1", CredentialFilter.provider(provider), ListParams.page(2))
			.block(WAIT));
		if (received == null) {
			return;
		}
		assertThat(received.pathSegments()).containsExactly("core", "credentials");
		assertThat(received.queryParameters()).containsExactly(Map.entry("provider", List.of(provider)),
				Map.entry("page", List.of("2")));
		assertThat(received.headerNames()).isEqualTo(baselineHeaderNames);
	}

	/**
	 * Run a call: either it is rejected before sending, or exactly one request reaches the peer.
	 * @return the request, or {@code null} when the call was rejected up front
	 */
	private static @Nullable Received send(Runnable call) throws Exception {
		try {
			call.run();
		}
		catch (IllegalArgumentException ex) {
			assertThat(peer.poll()).as("a rejected call sends nothing").isNull();
			return null;
		}
		Received received = peer.take();
		assertThat(peer.poll()).as("one call, one request").isNull();
		return received;
	}

	@Provide
	Arbitrary<String> hostileStrings() {
		Arbitrary<Character> hostile = Arbitraries.of('/', '\\', '.', '%', '?', '#', '&', '=', '+', ';', ',', ' ', '\t',
				'\r', '\n', '\u0000', '\u007f', '\u0085', '\u00e9', '\u00ff', '\u010a', '\u010d', '\u0120', '\u0d0a',
				'\u2028', '\u202e', '\ufeff', '\uffff', '\u7528', '{', '}', '[', ']', '"', '\'', '<', '>', '|', '`',
				'~', '@', ':', '$', '!', '*', '(', ')');
		Arbitrary<String> mixed = Arbitraries.oneOf(hostile.map(String::valueOf),
				Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(4),
				Arbitraries.of("../", "..", "%2F", "%2f", "%252F", "%00", "%0D%0A", "\r\nX-Injected: 1", "?a=b",
						"#frag", "user_1", "\ud83d\ude00", "\ud800", "${x}", "{id}", "//", "./", "/..", "..%2F"))
			.list()
			.ofMinSize(1)
			.ofMaxSize(6)
			.map((parts) -> String.join("", parts));
		return Arbitraries.oneOf(mixed, Arbitraries.strings().ofMinLength(1).ofMaxLength(12));
	}

	/** One request as the peer read it: the request target and the header lines, split as an HTTP/1.1 server does. */
	record Received(String target, Map<String, List<String>> headers) {

		Set<String> headerNames() {
			return new TreeSet<>(this.headers.keySet());
		}

		String rawPath() {
			int question = this.target.indexOf('?');
			return (question >= 0) ? this.target.substring(0, question) : this.target;
		}

		@Nullable String query() {
			int question = this.target.indexOf('?');
			return (question >= 0) ? this.target.substring(question + 1) : null;
		}

		List<String> pathSegments() {
			String path = rawPath();
			assertThat(path).startsWith("/").doesNotContain("#");
			List<String> segments = new ArrayList<>();
			for (String segment : path.substring(1).split("/", -1)) {
				segments.add(percentDecode(segment));
			}
			return segments;
		}

		Map<String, List<String>> queryParameters() {
			Map<String, List<String>> parameters = new LinkedHashMap<>();
			String query = query();
			if (query == null) {
				return parameters;
			}
			assertThat(query).doesNotContain("#");
			for (String pair : query.split("&", -1)) {
				int equals = pair.indexOf('=');
				String name = percentDecode((equals >= 0) ? pair.substring(0, equals) : pair);
				String value = (equals >= 0) ? percentDecode(pair.substring(equals + 1)) : "";
				parameters.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
			}
			return parameters;
		}

		private static String percentDecode(String text) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '%') {
					assertThat(i + 2).as("a complete escape in %s", text).isLessThan(text.length());
					bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
					i += 2;
				}
				else {
					// The target is ASCII: anything else was sent unencoded.
					assertThat((int) c).as("raw character in %s", text).isBetween(0x21, 0x7e);
					bytes.write(c);
				}
			}
			return bytes.toString(StandardCharsets.UTF_8);
		}

	}

	/**
	 * An HTTP/1.1 peer that reads each request's head byte by byte, splitting lines on LF as a lenient server does
	 * (so a bare LF smuggled into a header would show as an extra line), answers token requests with a token and
	 * everything else with a small JSON body, then closes the connection.
	 */
	static final class RawPeer implements AutoCloseable {

		private final ServerSocket serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

		private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

		private final Thread acceptor;

		RawPeer() throws IOException {
			this.acceptor = new Thread(this::acceptLoop, "request-target-peer");
			this.acceptor.setDaemon(true);
			this.acceptor.start();
		}

		String url(String path) {
			return "http://127.0.0.1:" + this.serverSocket.getLocalPort() + path;
		}

		Received take() throws InterruptedException {
			Received request = this.received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
			if (request == null) {
				fail("no request arrived");
			}
			return request;
		}

		@Nullable Received poll() throws InterruptedException {
			return this.received.poll(0, TimeUnit.MILLISECONDS);
		}

		private void acceptLoop() {
			while (!this.serverSocket.isClosed()) {
				try (Socket socket = this.serverSocket.accept()) {
					socket.setSoTimeout((int) WAIT.toMillis());
					serve(socket);
				}
				catch (IOException ex) {
					// the client went away, or the peer is closing
				}
			}
		}

		private void serve(Socket socket) throws IOException {
			InputStream in = socket.getInputStream();
			List<String> lines = new ArrayList<>();
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			int b;
			while ((b = in.read()) >= 0) {
				if (b == '\n') {
					String text = line.toString(StandardCharsets.ISO_8859_1);
					line.reset();
					text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
					if (text.isEmpty()) {
						break;
					}
					lines.add(text);
				}
				else {
					line.write(b);
				}
			}
			if (lines.isEmpty()) {
				return;
			}
			String[] requestLine = lines.get(0).split(" ", -1);
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (String header : lines.subList(1, lines.size())) {
				int colon = header.indexOf(':');
				String name = ((colon >= 0) ? header.substring(0, colon) : header).toLowerCase(Locale.ROOT);
				String value = (colon >= 0) ? header.substring(colon + 1).strip() : "";
				headers.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
			}
			List<String> length = headers.get("content-length");
			if (length != null) {
				in.readNBytes(Integer.parseInt(length.get(0)));
			}
			String target = (requestLine.length == 3) ? requestLine[1] : lines.get(0);
			String body;
			if (target.startsWith("/account/")) {
				body = "{\"access_token\":\"at_props\",\"expires_in\":3600}";
			}
			else {
				// The request line must have exactly three parts: a space in the target would split it.
				assertThat(requestLine).hasSize(3);
				this.received.add(new Received(target, headers));
				body = target.startsWith("/core/credentials?") ? "{\"data\":[]}" : "{\"data\":{\"id\":\"x\"}}";
			}
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			OutputStream out = socket.getOutputStream();
			out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
					+ "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.write(bytes);
			out.flush();
		}

		@Override
		public void close() throws IOException {
			this.serverSocket.close();
		}

	}

}
