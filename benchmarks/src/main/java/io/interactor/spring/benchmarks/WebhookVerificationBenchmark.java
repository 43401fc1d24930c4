package io.interactor.spring.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.stripe.net.Webhook;
import io.interactor.spring.webhook.WebhookSigner;
import io.interactor.spring.webhook.signature.HmacWebhookSignatureVerifier;
import io.interactor.spring.webhook.signature.SignatureScheme;
import io.interactor.spring.webhook.signature.VerificationResult;
import io.interactor.spring.webhook.signature.WebhookSignatureVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.http.HttpHeaders;

/**
 * P1: verifying one webhook delivery (signature over {@code timestamp.body}, timestamp tolerance, constant-time
 * comparison), side by side with the limit and two peers, each given a correctly signed delivery of the same body:
 * <ul>
 * <li>{@code starter}: {@link HmacWebhookSignatureVerifier#verify} with the headers a real delivery carries;</li>
 * <li>{@code limit}: one cached, keyed JDK {@link Mac} fed {@code timestamp + "."} and the body, compared in constant
 * time: no header parsing, no timestamp check, nothing else;</li>
 * <li>{@code limitWithHeaderParse}: the limit plus the least any correct verifier must add, written plainly with the
 * JDK: read both headers, parse the timestamp and hold it to the tolerance, decode the hex signature;</li>
 * <li>{@code stripe}: stripe-java's {@code Webhook.Signature.verifyHeader} ({@code t=...,v1=...} header, String
 * payload);</li>
 * <li>{@code standardWebhooks}: the Standard Webhooks reference library's {@code Webhook.verify} (base64 signature,
 * {@code id.timestamp.body}).</li>
 * </ul>
 * The peers take the payload as a {@code String}, decoded once in set-up, which flatters them slightly.
 *
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WebhookVerificationBenchmark {

	private static final String SECRET = "whsec_benchmark_secret_0123456789";

	@Param({ "1024", "65536" })
	public int bodySize;

	private byte[] body;

	private String timestamp;

	private HttpHeaders headers;

	private HmacWebhookSignatureVerifier verifier;

	private Mac limitMac;

	private byte[] expected;

	private String payload;

	private String stripeHeader;

	private com.standardwebhooks.Webhook standardWebhook;

	private Map<String, List<String>> standardHeaders;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		this.body = body(this.bodySize);
		this.payload = new String(this.body, StandardCharsets.UTF_8);
		long now = System.currentTimeMillis() / 1000;
		this.timestamp = Long.toString(now);
		this.headers = new WebhookSigner(SECRET).headers("room.message.created", this.body, this.timestamp);
		this.verifier = new HmacWebhookSignatureVerifier(List.of(SECRET), SignatureScheme.AUTO, Duration.ofMinutes(5),
				Clock.systemUTC());
		this.limitMac = Mac.getInstance("HmacSHA256");
		this.limitMac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		this.expected = HexFormat.of()
			.parseHex(new WebhookSigner(SECRET).signTimestamped(this.timestamp, this.body).replace("sha256=", ""));
		this.stripeHeader = "t=" + now + ",v1="
				+ Webhook.Util.computeHmacSha256(SECRET, now + "." + this.payload);
		byte[] key = SECRET.getBytes(StandardCharsets.UTF_8);
		this.standardWebhook = new com.standardwebhooks.Webhook("whsec_" + Base64.getEncoder().encodeToString(key));
		String signature = this.standardWebhook.sign("msg_1", now, this.payload);
		this.standardHeaders = Map.of("webhook-id", List.of("msg_1"), "webhook-timestamp",
				List.of(this.timestamp), "webhook-signature", List.of(signature));
		check();
	}

	/** Every side must accept its delivery, or the figures compare failures. */
	private void check() throws Exception {
		if (!starter().isValid() || !limit() || !limitWithHeaderParse() || !stripe()) {
			throw new IllegalStateException("A verifier rejected its correctly signed delivery");
		}
		standardWebhooks();
	}

	static byte[] body(int size) {
		String head = "{\"id\":\"evt_1\",\"type\":\"room.message.created\",\"timestamp\":\"2026-11-30T10:00:00Z\","
				+ "\"data\":{\"room_id\":\"room_1\",\"content\":\"";
		String tail = "\"}}";
		byte[] bytes = new byte[size];
		Arrays.fill(bytes, (byte) 'x');
		System.arraycopy(head.getBytes(StandardCharsets.UTF_8), 0, bytes, 0, head.length());
		System.arraycopy(tail.getBytes(StandardCharsets.UTF_8), 0, bytes, size - tail.length(), tail.length());
		return bytes;
	}

	@Benchmark
	public VerificationResult starter() {
		return this.verifier.verify(this.headers, this.body);
	}

	@Benchmark
	public boolean limit() {
		this.limitMac.update((this.timestamp + ".").getBytes(StandardCharsets.UTF_8));
		return MessageDigest.isEqual(this.expected, this.limitMac.doFinal(this.body));
	}

	@Benchmark
	public boolean limitWithHeaderParse() {
		String timestamp = this.headers.getFirst(WebhookSignatureVerifier.TIMESTAMP_HEADER);
		String signature = this.headers.getFirst(WebhookSignatureVerifier.SIGNATURE_HEADER);
		if (timestamp == null || signature == null
				|| Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) > 300) {
			return false;
		}
		byte[] expected = HexFormat.of().parseHex(signature, signature.indexOf('=') + 1, signature.length());
		this.limitMac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
		return MessageDigest.isEqual(expected, this.limitMac.doFinal(this.body));
	}

	@Benchmark
	public boolean stripe() throws Exception {
		return Webhook.Signature.verifyHeader(this.payload, this.stripeHeader, SECRET, 300);
	}

	@Benchmark
	public Object standardWebhooks() throws Exception {
		this.standardWebhook.verify(this.payload, this.standardHeaders);
		return this.standardWebhook;
	}

}
