package io.interactor.spring.webhook.fault;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.interactor.spring.autoconfigure.InteractorWebhookAutoConfiguration;
import io.interactor.spring.test.Deliveries;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.dispatch.WebhookDispatcher;
import io.interactor.spring.webhook.dispatch.WebhookOutcome.Result;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis commands one delivery costs, as a {@code redis-server} of the test's own receives them
 * ({@code MONITOR}): one round trip more than the delivery has handlers to run, each one script sent by its
 * SHA-1. A change that adds a round trip to the hot path, or sends a script's text each time, fails here.
 */
class RedisRoundTripTests {

	private static final String ONE_HANDLER = "room.message.created";

	private static final String TWO_HANDLERS = "room.message.updated";

	@Test
	void deliveryCostsOneRoundTripMoreThanItHasHandlersToRun() throws Exception {
		Assumptions.assumeTrue(RedisServerProcess.available(), RedisServerProcess.MISSING_MESSAGE);
		try (RedisServerProcess redis = new RedisServerProcess(false)) {
			runner(redis).run((context) -> {
				Handlers handlers = context.getBean(Handlers.class);
				// warm up: the connection exists and Redis has every script in its cache
				assertThat(deliver(context, Deliveries.body(ONE_HANDLER))).isEqualTo(Result.PROCESSED);
				assertThat(deliver(context, Deliveries.body(TWO_HANDLERS))).isEqualTo(Result.PROCESSED);

				// claim with the completed handlers, then the handler's completion that completes the key
				String one = Deliveries.body(ONE_HANDLER);
				assertThat(commandsOf(redis, () -> deliver(context, one), Result.PROCESSED))
					.containsExactly("evalsha", "evalsha");
				// claim, the first handler's completion, the second's that completes the key
				String two = Deliveries.body(TWO_HANDLERS);
				assertThat(commandsOf(redis, () -> deliver(context, two), Result.PROCESSED))
					.containsExactly("evalsha", "evalsha", "evalsha");
				// a duplicate: the claim alone
				assertThat(commandsOf(redis, () -> deliver(context, two), Result.DUPLICATE))
					.containsExactly("evalsha");
				assertThat(handlers.calls).containsExactly("only", "first", "second", "only", "first", "second");
			});
		}
	}

	@Test
	void redeliveryAfterAPartialFailureCostsOneRoundTripMoreThanTheHandlersLeftToRun() throws Exception {
		Assumptions.assumeTrue(RedisServerProcess.available(), RedisServerProcess.MISSING_MESSAGE);
		try (RedisServerProcess redis = new RedisServerProcess(false)) {
			runner(redis).run((context) -> {
				Handlers handlers = context.getBean(Handlers.class);
				// warm up: the same steps once, so that Redis has every script in its cache
				String warmUp = Deliveries.body(TWO_HANDLERS);
				handlers.failSecond = true;
				assertThat(deliver(context, warmUp)).isEqualTo(Result.HANDLER_FAILED);
				handlers.failSecond = false;
				assertThat(deliver(context, warmUp)).isEqualTo(Result.PROCESSED);
				handlers.calls.clear();

				String body = Deliveries.body(TWO_HANDLERS);
				handlers.failSecond = true;
				// claim, the first handler's completion, the release after the second failed
				assertThat(commandsOf(redis, () -> deliver(context, body), Result.HANDLER_FAILED))
					.containsExactly("evalsha", "evalsha", "evalsha");
				handlers.failSecond = false;
				// claim (which reads the first handler's completion), the second's that completes the key
				assertThat(commandsOf(redis, () -> deliver(context, body), Result.PROCESSED))
					.containsExactly("evalsha", "evalsha");
				assertThat(handlers.calls).containsExactly("first", "second!", "second");
			});
		}
	}

	private ApplicationContextRunner runner(RedisServerProcess redis) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(InteractorWebhookAutoConfiguration.class, DataRedisAutoConfiguration.class))
			.withUserConfiguration(Handlers.class)
			.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET,
					"interactor.webhook.idempotency.store=redis", "spring.data.redis.host=127.0.0.1",
					"spring.data.redis.port=" + redis.port(), "spring.data.redis.timeout=10s");
	}

	private static Result deliver(AssertableApplicationContext context, String body) {
		return context.getBean(WebhookDispatcher.class).dispatch(Deliveries.sign(body), Deliveries.bytes(body)).result();
	}

	/**
	 * The commands that Redis received from clients while the delivery ran, in order, as {@code MONITOR} shows them
	 * (without the commands that scripts ran).
	 */
	private static List<String> commandsOf(RedisServerProcess redis, Delivery delivery, Result expected)
			throws Exception {
		try (Monitor monitor = new Monitor(redis.port())) {
			assertThat(delivery.run()).isEqualTo(expected);
			return monitor.commandsUntilMarker(redis);
		}
	}

	@FunctionalInterface
	private interface Delivery {

		Result run();

	}

	/** A connection in {@code MONITOR} mode: Redis writes it every command it executes. */
	private static final class Monitor implements AutoCloseable {

		private final Socket socket;

		private final BufferedReader lines;

		Monitor(int port) throws IOException {
			this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
			this.socket.setSoTimeout(30_000);
			OutputStream out = this.socket.getOutputStream();
			out.write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			this.lines = new BufferedReader(
					new InputStreamReader(this.socket.getInputStream(), StandardCharsets.UTF_8));
			assertThat(this.lines.readLine()).isEqualTo("+OK");
		}

		/**
		 * Send a marker command over another connection, and return the names of the commands that clients sent
		 * before it, lower case; a command of a script is tagged {@code [<db> lua]} and left out.
		 */
		List<String> commandsUntilMarker(RedisServerProcess redis) throws IOException {
			String marker = "round-trip-marker-" + UUID.randomUUID();
			assertThat(redis.command("ECHO", marker)).isEqualTo(marker);
			List<String> commands = new ArrayList<>();
			// e.g. +1700000000.123456 [0 127.0.0.1:40000] "EVALSHA" "9a8b..." "1" "interactor:webhook:idem_evt_1"
			Pattern line = Pattern.compile("^\\+[0-9.]+ \\[\\d+ ([^\\]]+)\\] \"([^\"]+)\"(.*)$");
			while (true) {
				String next = this.lines.readLine();
				assertThat(next).as("MONITOR stream ended before the marker").isNotNull();
				if (next.contains(marker)) {
					return commands;
				}
				Matcher matcher = line.matcher(next);
				assertThat(matcher.matches()).as(next).isTrue();
				if (!matcher.group(1).equals("lua")) {
					commands.add(matcher.group(2).toLowerCase(Locale.ROOT));
				}
			}
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Handlers {

		final List<String> calls = Collections.synchronizedList(new ArrayList<>());

		volatile boolean failSecond;

		@InteractorWebhook(ONE_HANDLER)
		void only() {
			this.calls.add("only");
		}

		@InteractorWebhook(TWO_HANDLERS)
		@Order(1)
		void first() {
			this.calls.add("first");
		}

		@InteractorWebhook(TWO_HANDLERS)
		@Order(2)
		void second() {
			if (this.failSecond) {
				this.calls.add("second!");
				throw new IllegalStateException("second failed");
			}
			this.calls.add("second");
		}

	}

}
