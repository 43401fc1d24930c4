package io.interactor.spring.webhook.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.interactor.spring.test.Deliveries;
import io.interactor.spring.webhook.signature.HmacWebhookSignatureVerifier;
import io.interactor.spring.webhook.signature.SignatureScheme;
import io.interactor.spring.webhook.signature.VerificationResult;
import io.interactor.spring.webhook.signature.WebhookSignatureVerifier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/**
 * An application whose deliveries can end in every outcome: handlers that succeed and fail, a store that tests can
 * take down ({@link WebhookTestApplication.SwitchableStore}), and a verifier that breaks on request.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class WebhookOutcomeCountApplication {

	/** A request with this header makes the verifier throw, as a broken custom verifier would. */
	static final String BREAK_VERIFIER = "X-Test-Break-Verifier";

	@Bean
	SimpleMeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

	@Bean
	WebhookTestApplication.Handlers handlers() {
		return new WebhookTestApplication.Handlers();
	}

	@Bean
	WebhookTestApplication.SwitchableStore switchableStore() {
		return new WebhookTestApplication.SwitchableStore();
	}

	@Bean
	WebhookSignatureVerifier breakableVerifier() {
		WebhookSignatureVerifier delegate = new HmacWebhookSignatureVerifier(List.of(Deliveries.SECRET),
				SignatureScheme.AUTO, Duration.ofMinutes(5), Clock.systemUTC());
		return new WebhookSignatureVerifier() {

			@Override
			public VerificationResult verify(HttpHeaders headers, byte[] body) {
				if (headers.containsHeader(BREAK_VERIFIER)) {
					throw new IllegalStateException("broken verifier");
				}
				return delegate.verify(headers, body);
			}

		};
	}

}
