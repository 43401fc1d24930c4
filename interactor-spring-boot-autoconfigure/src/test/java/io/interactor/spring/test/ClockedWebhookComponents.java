package io.interactor.spring.test;

import java.util.List;

import io.interactor.spring.autoconfigure.InteractorProperties;
import io.interactor.spring.webhook.idempotency.InMemoryWebhookIdempotencyStore;
import io.interactor.spring.webhook.signature.HmacWebhookSignatureVerifier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The verifier and the in-memory store the auto-configuration would create from {@code interactor.webhook.*}, on the
 * {@link MutableClock} bean the importing test defines and moves.
 */
@Configuration(proxyBeanMethods = false)
public class ClockedWebhookComponents {

	@Bean
	HmacWebhookSignatureVerifier verifier(MutableClock clock, InteractorProperties properties) {
		InteractorProperties.Webhook webhook = properties.getWebhook();
		return new HmacWebhookSignatureVerifier(List.of(webhook.getSecret()), webhook.getSignatureScheme(),
				webhook.getTolerance(), clock);
	}

	@Bean
	InMemoryWebhookIdempotencyStore store(MutableClock clock, InteractorProperties properties) {
		InteractorProperties.Webhook.Idempotency idempotency = properties.getWebhook().getIdempotency();
		return new InMemoryWebhookIdempotencyStore(100, idempotency.getProcessingTimeout(), idempotency.getTtl(),
				clock);
	}

}
