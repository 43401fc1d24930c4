package io.interactor.spring.webhook.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.interactor.spring.autoconfigure.InteractorWebhookAutoConfiguration;
import io.interactor.spring.test.Deliveries;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.WebhookEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * The application under fault: two handlers for one event type, each recording every completed invocation per event
 * id, on a real server on a random port.
 */
@SpringBootConfiguration
// Only what the webhook path needs: no security filters or request metrics to share the two cores with the senders.
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, JacksonAutoConfiguration.class,
		TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
		WebMvcAutoConfiguration.class, DataRedisAutoConfiguration.class, InteractorWebhookAutoConfiguration.class })
class FaultTestApplication {

	static final String EVENT_TYPE = InteractorEvents.ROOM_MESSAGE_CREATED;

	static final String PATH = "/webhooks/interactor";

	@Bean
	Recorder recorder() {
		return new Recorder();
	}

	/**
	 * Start an instance that keeps its idempotency state in the Redis on {@code redisPort}.
	 * @param properties more properties ({@code name=value})
	 */
	static ConfigurableApplicationContext start(int redisPort, String keyPrefix, String... properties) {
		List<String> all = new ArrayList<>(List.of("server.port=0", "spring.main.banner-mode=off",
				"interactor.webhook.secret=" + Deliveries.SECRET, "interactor.webhook.idempotency.store=redis",
				"interactor.webhook.idempotency.key-prefix=" + keyPrefix, "spring.data.redis.host=127.0.0.1",
				"spring.data.redis.port=" + redisPort, "spring.data.redis.timeout=1s",
				"spring.data.redis.connect-timeout=1s",
				// every failed delivery logs a line; the suite prints its own summary instead
				"logging.level.io.interactor.spring.webhook=ERROR", "logging.level.io.lettuce=ERROR",
				"logging.level.org.springframework.data.redis=ERROR"));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(FaultTestApplication.class).properties(all.toArray(String[]::new)).run();
	}

	static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/**
	 * Counts completed handler invocations per handler and event id, per "epoch" (a Redis server lifetime, set by the
	 * test), and lets a test hold or slow down the second handler for one event.
	 */
	static class Recorder {

		/** handler + "|" + event id + "|" + epoch → completed invocations. */
		final Map<String, AtomicInteger> completed = new ConcurrentHashMap<>();

		/** handler + "|" + event id → completed invocations over every epoch. */
		private final Map<String, AtomicInteger> totals = new ConcurrentHashMap<>();

		final AtomicInteger started = new AtomicInteger();

		volatile int epoch;

		/** The event whose second handler blocks until {@link #unblock()}, then fails (the instance was killed). */
		volatile @Nullable String blockSecondOf;

		final CountDownLatch blocked = new CountDownLatch(1);

		private final CountDownLatch unblock = new CountDownLatch(1);

		/** The event whose second handler takes {@link #slowFor} to complete. */
		volatile @Nullable String slowSecondOf;

		volatile Duration slowFor = Duration.ZERO;

		@InteractorWebhook(EVENT_TYPE)
		@Order(1)
		void first(WebhookEvent<JsonNode> event) {
			this.started.incrementAndGet();
			record("first", event);
		}

		@InteractorWebhook(EVENT_TYPE)
		@Order(2)
		void second(WebhookEvent<JsonNode> event) throws InterruptedException {
			this.started.incrementAndGet();
			String id = event.id();
			if (id != null && id.equals(this.blockSecondOf)) {
				this.blocked.countDown();
				this.unblock.await(5, TimeUnit.MINUTES);
				throw new IllegalStateException("instance killed in the middle of the handler");
			}
			if (id != null && id.equals(this.slowSecondOf)) {
				Thread.sleep(this.slowFor.toMillis());
			}
			record("second", event);
		}

		void unblock() {
			this.unblock.countDown();
		}

		private void record(String handler, WebhookEvent<JsonNode> event) {
			this.completed.computeIfAbsent(handler + "|" + event.id() + "|" + this.epoch, (k) -> new AtomicInteger())
				.incrementAndGet();
			this.totals.computeIfAbsent(handler + "|" + event.id(), (k) -> new AtomicInteger()).incrementAndGet();
		}

		/** Completed invocations of a handler for an event, over every epoch. */
		int count(String handler, String eventId) {
			AtomicInteger total = this.totals.get(handler + "|" + eventId);
			return (total != null) ? total.get() : 0;
		}

		/** Completed invocations of every handler. */
		int invocations() {
			return this.completed.values().stream().mapToInt(AtomicInteger::get).sum();
		}

	}

}
