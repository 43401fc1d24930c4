package io.interactor.spring.webhook.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.interactor.spring.autoconfigure.InteractorWebhookAutoConfiguration;
import io.interactor.spring.test.Deliveries;
import io.interactor.spring.webhook.WebhookSigner;
import io.interactor.spring.webhook.dispatch.WebhookDispatcherTests.ExactHandler;
import io.interactor.spring.webhook.dispatch.WebhookOutcome.Result;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-result counts the dispatcher keeps for the actuator endpoint.
 */
class WebhookOutcomeCountsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InteractorWebhookAutoConfiguration.class))
		.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET);

	@Test
	void dispatcherCountsEveryOutcomeOfRealDeliveries() {
		this.runner.withUserConfiguration(ExactHandler.class).run((context) -> {
			WebhookDispatcher dispatcher = context.getBean(WebhookDispatcher.class);
			String body = Deliveries.body("room.message.created");
			WebhookDispatcherTests.deliver(context, body);
			WebhookDispatcherTests.deliver(context, body);
			WebhookDispatcherTests.deliver(context, Deliveries.body("agent.unknown"));
			dispatcher.dispatch(new WebhookSigner("whsec_forged").headers(null, body), Deliveries.bytes(body));
			// Fed by the dispatcher's delivery observations, without any observation or metrics set-up.
			WebhookOutcomeCounts counts = context.getBean(WebhookOutcomeCounts.class);
			assertThat(counts.get(Result.PROCESSED)).isEqualTo(1);
			assertThat(counts.get(Result.DUPLICATE)).isEqualTo(1);
			assertThat(counts.get(Result.UNHANDLED)).isEqualTo(1);
			assertThat(counts.get(Result.INVALID_SIGNATURE)).isEqualTo(1);
			assertThat(counts.get(Result.HANDLER_FAILED)).isZero();
			assertThat(counts.snapshot()).containsEntry("processed", 1L)
				.containsEntry("invalid_signature", 1L)
				.containsEntry("store_unavailable", 0L)
				.hasSize(Result.values().length);
		});
	}

	@Test
	void concurrentRecordsAreNotLost() throws Exception {
		WebhookOutcomeCounts counts = new WebhookOutcomeCounts();
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				futures.add(executor.submit(() -> {
					for (int j = 0; j < 10_000; j++) {
						counts.record(Result.PROCESSED);
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(counts.get(Result.PROCESSED)).isEqualTo(80_000);
	}

}
