package io.interactor.spring.benchmarks.load;

import java.nio.charset.StandardCharsets;

import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.WebhookEvent;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * P2: the starter's webhook endpoint with the cheapest possible handler, next to a bare {@code @PostMapping} that reads
 * the raw body and answers the same JSON, in one app. {@code benchmarks/load/webhook-load.sh} starts it on 127.0.0.1
 * and loads both paths with the same signed deliveries.
 *
 * @since 0.1.0
 */
@SpringBootApplication
public class WebhookLoadApplication {

	public static void main(String[] args) {
		SpringApplication.run(WebhookLoadApplication.class, args);
	}

	/** Does nothing with the event: what is measured is the pipeline around it. */
	@Component
	static class CheapestHandler {

		@InteractorWebhook("room.message.created")
		void on(WebhookEvent<JsonNode> event) {
		}

	}

	/** The peer: no signature, no parsing, no deduplication. */
	@RestController
	static class BareController {

		private static final byte[] RECEIVED = "{\"received\":true}".getBytes(StandardCharsets.UTF_8);

		@PostMapping(path = "/bare", produces = MediaType.APPLICATION_JSON_VALUE)
		byte[] receive(@RequestBody byte[] body) {
			return RECEIVED;
		}

	}

}
