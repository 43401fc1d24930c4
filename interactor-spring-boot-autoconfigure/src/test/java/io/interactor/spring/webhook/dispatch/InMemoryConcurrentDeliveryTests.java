package io.interactor.spring.webhook.dispatch;

import io.interactor.spring.autoconfigure.InteractorWebhookAutoConfiguration;
import io.interactor.spring.test.Deliveries;
import io.interactor.spring.webhook.idempotency.InMemoryWebhookIdempotencyStore;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryConcurrentDeliveryTests extends AbstractConcurrentDeliveryTests {

	@BeforeEach
	void usesTheInMemoryStore() {
		runner().run((context) -> assertThat(context).hasSingleBean(InMemoryWebhookIdempotencyStore.class));
	}

	@Override
	protected ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InteractorWebhookAutoConfiguration.class))
			.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET);
	}

}
