package io.interactor.spring.webhook.dispatch;

import java.time.Clock;
import java.time.Duration;

import io.interactor.spring.autoconfigure.InteractorWebhookAutoConfiguration;
import io.interactor.spring.test.Deliveries;
import io.interactor.spring.webhook.idempotency.InMemoryWebhookIdempotencyStore;
import io.interactor.spring.webhook.idempotency.WebhookIdempotencyStore;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryConcurrentDeliveryTests extends AbstractConcurrentDeliveryTests {

	private final InMemoryWebhookIdempotencyStore sharedStore = new InMemoryWebhookIdempotencyStore(1000,
			Duration.ofMinutes(5), Duration.ofDays(7), Clock.systemUTC());

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

	@Override
	protected ApplicationContextRunner restartableRunner() {
		// the in-memory state dies with its JVM; one store instance across contexts stands in for it surviving
		return runner().withBean("sharedStore", WebhookIdempotencyStore.class, () -> this.sharedStore);
	}

}
