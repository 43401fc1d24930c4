package io.interactor.spring.webhook.dispatch;

import io.interactor.spring.autoconfigure.InteractorWebhookAutoConfiguration;
import io.interactor.spring.test.Deliveries;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.RoomMessageData;
import io.interactor.spring.webhook.WebhookSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With debug logging on, nothing the starter logs contains payload content, secrets or signatures.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebhookLogHygieneTests {

	private static final String CONTENT = "TOP-SECRET-USER-CONTENT";

	private final LoggingSystem loggingSystem = LoggingSystem.get(getClass().getClassLoader());

	@BeforeEach
	void debug() {
		this.loggingSystem.setLogLevel("io.interactor.spring", LogLevel.DEBUG);
	}

	@AfterEach
	void reset() {
		this.loggingSystem.setLogLevel("io.interactor.spring", null);
	}

	@Test
	void noPayloadSecretOrSignatureInLogs(CapturedOutput output) {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InteractorWebhookAutoConfiguration.class))
			.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET,
					"interactor.webhook.previous-secrets=whsec_previous_one")
			.withUserConfiguration(FailingHandler.class)
			.run((context) -> {
				WebhookDispatcher dispatcher = context.getBean(WebhookDispatcher.class);
				String ok = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED, "evt_ok",
						"{\"content\":\"" + CONTENT + "\"}");
				HttpHeaders signed = Deliveries.sign(ok);
				dispatcher.dispatch(signed, Deliveries.bytes(ok));
				HttpHeaders forged = new WebhookSigner("whsec_forged").headers(null, ok);
				dispatcher.dispatch(forged, Deliveries.bytes(ok));
				String failing = Deliveries.body(InteractorEvents.ROOM_MESSAGE_UPDATED, "evt_fail",
						"{\"content\":\"" + CONTENT + "\"}");
				dispatcher.dispatch(Deliveries.sign(failing), Deliveries.bytes(failing));
				String badPayload = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED, "evt_bad",
						"\"" + CONTENT + "\"");
				dispatcher.dispatch(Deliveries.sign(badPayload), Deliveries.bytes(badPayload));
				String notJson = "{\"content\":\"" + CONTENT;
				dispatcher.dispatch(Deliveries.sign(notJson), Deliveries.bytes(notJson));

				assertThat(output).contains("evt_ok").contains("evt_fail").contains("downstream system unavailable");
				assertThat(output).doesNotContain(CONTENT)
					.doesNotContain(Deliveries.SECRET)
					.doesNotContain("whsec_previous_one")
					.doesNotContain("whsec_forged")
					.doesNotContain(signed.getFirst("X-Interactor-Signature").substring(7))
					.doesNotContain(forged.getFirst("X-Interactor-Signature").substring(7));
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class FailingHandler {

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		void created(RoomMessageData data) {
		}

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_UPDATED)
		void updated(RoomMessageData data) {
			throw new IllegalStateException("downstream system unavailable");
		}

	}

}
