package io.interactor.spring.webhook.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.interactor.spring.autoconfigure.InteractorWebhookAutoConfiguration;
import io.interactor.spring.test.Deliveries;
import io.interactor.spring.test.MutableClock;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.RoomMessageData;
import io.interactor.spring.webhook.WebhookSigner;
import io.interactor.spring.webhook.dispatch.WebhookOutcome.Result;
import io.interactor.spring.webhook.signature.VerificationResult;
import io.interactor.spring.webhook.signature.WebhookSignatureVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rejected deliveries are visible at the default log level: one WARN line per reason and minute, the next one
 * counting what was held back, and never a payload, secret or signature. Time is a clock moved by hand.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebhookRejectionLogTests {

	private static final String CONTENT = "TOP-SECRET-USER-CONTENT";

	private static final String FORGED_SECRET = "whsec_forged_secret";

	private static final Pattern REJECTED = Pattern.compile("^\\S+ (\\S+) +\\S+ - (Rejected .*)$", Pattern.MULTILINE);

	private static final String MISMATCH = "with invalid signature (the signature matches no configured secret: "
			+ "secret mismatch?), answered 401";

	private final MutableClock clock = new MutableClock(Instant.now());

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InteractorWebhookAutoConfiguration.class))
		.withUserConfiguration(MessageHandler.class)
		.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET,
				"interactor.webhook.max-payload-size=1KB");

	private WebhookDispatcher dispatcher(AssertableApplicationContext context) {
		WebhookDispatcher dispatcher = context.getBean(WebhookDispatcher.class);
		dispatcher.setClock(this.clock);
		return dispatcher;
	}

	/** The captured "Rejected ..." lines, each as "LEVEL message". */
	private static List<String> rejections(CapturedOutput output) {
		Matcher matcher = REJECTED.matcher(output.getAll());
		return matcher.results().map((result) -> result.group(1) + " " + result.group(2)).toList();
	}

	private static String body(String id) {
		return Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED, id, "{\"content\":\"" + CONTENT + "\"}");
	}

	@Test
	void aWrongSecretIsLoggedOncePerMinuteWithTheCountOfTheOthers(CapturedOutput output) {
		this.runner.run((context) -> {
			WebhookDispatcher dispatcher = dispatcher(context);
			WebhookSigner forged = new WebhookSigner(FORGED_SECRET);
			for (int i = 0; i < 5; i++) {
				String body = body("evt_forged_" + i);
				assertThat(dispatcher.dispatch(forged.headers(null, body), Deliveries.bytes(body)).result())
					.isEqualTo(Result.INVALID_SIGNATURE);
				this.clock.advance(Duration.ofSeconds(10));
			}
			assertThat(rejections(output)).containsExactly("WARN Rejected webhook delivery " + MISMATCH);
			this.clock.advance(Duration.ofSeconds(12));
			String body = body("evt_forged_last");
			dispatcher.dispatch(forged.headers(null, body), Deliveries.bytes(body));
			// The 4 held back and this one, in the 62 s since the first line.
			assertThat(rejections(output)).containsExactly("WARN Rejected webhook delivery " + MISMATCH,
					"WARN Rejected 5 webhook deliveries " + MISMATCH.replace("with invalid signature (",
							"with invalid signature in the last 62 s ("));
			assertThat(context.getBean(WebhookOutcomeCounts.class).get(Result.INVALID_SIGNATURE)).isEqualTo(6);
		});
	}

	@Test
	void everyReasonHasItsOwnLineAndNoneCarriesPayloadSecretOrSignature(CapturedOutput output) {
		this.runner.run((context) -> {
			WebhookDispatcher dispatcher = dispatcher(context);
			String body = body("evt_1");
			HttpHeaders forged = new WebhookSigner(FORGED_SECRET).headers(null, body);
			dispatcher.dispatch(forged, Deliveries.bytes(body));
			HttpHeaders unsigned = Deliveries.sign(body);
			unsigned.remove(WebhookSignatureVerifier.SIGNATURE_HEADER);
			dispatcher.dispatch(unsigned, Deliveries.bytes(body));
			HttpHeaders stale = new WebhookSigner(Deliveries.SECRET).headers(null, Deliveries.bytes(body),
					Long.toString(Instant.now().getEpochSecond() - 600));
			dispatcher.dispatch(stale, Deliveries.bytes(body));
			// a body-only signature over an envelope from 2024: a replay the store may have forgotten
			HttpHeaders bodyOnly = Deliveries.signBodyOnly(body, java.time.Clock.systemUTC());
			dispatcher.dispatch(bodyOnly, Deliveries.bytes(body));
			String notJson = "{\"content\":\"" + CONTENT;
			dispatcher.dispatch(Deliveries.sign(notJson), Deliveries.bytes(notJson));
			String noType = "{\"id\":\"evt_2\",\"data\":{\"content\":\"" + CONTENT + "\"}}";
			dispatcher.dispatch(Deliveries.sign(noType), Deliveries.bytes(noType));
			String badData = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED, "evt_3", "\"" + CONTENT + "\"");
			dispatcher.dispatch(Deliveries.sign(badData), Deliveries.bytes(badData));
			String large = body("evt_4").replace(CONTENT, CONTENT.repeat(100));
			assertThat(dispatcher.dispatch(Deliveries.sign(large), Deliveries.bytes(large)).status()).isEqualTo(413);

			assertThat(rejections(output)).containsExactly("WARN Rejected webhook delivery " + MISMATCH,
					"WARN Rejected webhook delivery with invalid signature (no X-Interactor-Signature header), "
							+ "answered 401",
					"WARN Rejected webhook delivery with invalid timestamp (X-Interactor-Timestamp is older than the "
							+ "tolerance: clock skew, or a replayed delivery?), answered 401",
					"WARN Rejected webhook delivery with invalid timestamp (the signature covers the body alone and "
							+ "the envelope is older than the idempotency TTL allows: a replayed delivery?), "
							+ "answered 401",
					"WARN Rejected webhook delivery with invalid payload (the body is not a JSON object), answered 400",
					"WARN Rejected webhook delivery with invalid payload (the envelope has no event type or no "
							+ "idempotency key), answered 400",
					"WARN Rejected webhook delivery with invalid payload (data cannot be converted to a handler's "
							+ "parameter: " + context.getBean(WebhookHandlerRegistry.class).getHandlers().get(0)
							+ ", tools.jackson.databind.exc.MismatchedInputException), answered 400",
					"WARN Rejected webhook delivery with too large body (larger than "
							+ "interactor.webhook.max-payload-size: 1024 bytes), answered 413");
			assertThat(output).doesNotContain(CONTENT)
				.doesNotContain(Deliveries.SECRET)
				.doesNotContain(FORGED_SECRET)
				.doesNotContain(forged.getFirst(WebhookSignatureVerifier.SIGNATURE_HEADER).substring(7))
				.doesNotContain(bodyOnly.getFirst(WebhookSignatureVerifier.SIGNATURE_HEADER).substring(7))
				// nothing the sender chose, not even the event id
				.doesNotContain("evt_");
		});
	}

	@Test
	void unexpectedFailureIsAnswered500LoggedAndCounted(CapturedOutput output) {
		this.runner.withUserConfiguration(ThrowingVerifierConfiguration.class).run((context) -> {
			String body = body("evt_boom");
			WebhookOutcome outcome = dispatcher(context).dispatch(Deliveries.sign(body), Deliveries.bytes(body));
			assertThat(outcome.status()).isEqualTo(500);
			assertThat(outcome.body()).isEqualTo("{\"error\":\"internal_error\"}");
			assertThat(context.getBean(WebhookOutcomeCounts.class).get(Result.INTERNAL_ERROR)).isEqualTo(1);
			assertThat(output).contains("ERROR").contains("Webhook delivery failed unexpectedly, answered 500")
				.contains("verifier bug");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class MessageHandler {

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		void handle(RoomMessageData data) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ThrowingVerifierConfiguration {

		@Bean
		WebhookSignatureVerifier throwingVerifier() {
			return new WebhookSignatureVerifier() {

				@Override
				public VerificationResult verify(HttpHeaders headers, byte[] body) {
					throw new IllegalStateException("verifier bug");
				}

			};
		}

	}

}
