package io.interactor.spring.webhook.fault;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.interactor.spring.test.Deliveries;
import io.interactor.spring.webhook.WebhookSigner;
import io.interactor.spring.webhook.fault.FaultTestApplication.Recorder;
import io.interactor.spring.webhook.fault.PlatformSender.Delivery;
import io.interactor.spring.webhook.fault.PlatformSender.Kind;
import io.interactor.spring.webhook.fault.PlatformSender.Run;
import io.interactor.spring.webhook.idempotency.InMemoryWebhookIdempotencyStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault suite of the webhook side: real Redis servers of the test's own (killed, paused, slowed down, cut off
 * mid-command), applications on real ports, and senders that retry every answer other than 2xx like the platform.
 * For every fault, every valid event runs each of its two handlers exactly once, no refused delivery runs any, and
 * nothing stays claimed; each scenario prints a one-line summary of its figures.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class WebhookStoreFaultTests {

	private static final int SENDERS = 32;

	private static final Duration DEADLINE = Duration.ofSeconds(90);

	private final List<AutoCloseable> resources = new ArrayList<>();

	private final String prefix = "interactor:webhook:fault:" + UUID.randomUUID() + ":";

	@BeforeAll
	static void redisServerAvailable() {
		boolean available = RedisServerProcess.available();
		if (!available) {
			System.out.println(RedisServerProcess.MISSING_MESSAGE);
		}
		Assumptions.assumeTrue(available, RedisServerProcess.MISSING_MESSAGE);
	}

	@AfterEach
	void closeResources() throws Exception {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			try {
				this.resources.get(i).close();
			}
			catch (Exception ex) {
				// keep closing the others
			}
		}
	}

	private <T extends AutoCloseable> T track(T resource) {
		this.resources.add(resource);
		return resource;
	}

	private RedisServerProcess redis(boolean persistent) throws Exception {
		return track(new RedisServerProcess(persistent));
	}

	private ConfigurableApplicationContext app(int redisPort, String... properties) {
		return track(FaultTestApplication.start(redisPort, this.prefix, properties));
	}

	@Test
	void redisPaused() throws Exception {
		RedisServerProcess redis = redis(false);
		ConfigurableApplicationContext app = app(redis.port());
		List<Delivery> plan = PlatformSender.plan("paused", 1500, 300, 75, 20, 20, 1);
		long started = System.nanoTime();
		Run run = sender(app).start(plan);
		awaitTraffic(run, 300);
		redis.pause(Duration.ofSeconds(3));
		Thread.sleep(3000);
		long healed = System.nanoTime();
		assertThat(run.await(DEADLINE)).isTrue();
		assertExactlyOnce(plan, run, recorder(app));
		assertThat(redis.claimedKeys(this.prefix + "*")).isZero();
		summary("redis paused 3 s (CLIENT PAUSE)", plan, run, "1 pause", recorder(app).invocations(),
				run.firstAnswerAfter(healed), started);
	}

	@Test
	void redisPausedThenKilledAndRestartedFromItsAppendOnlyFile() throws Exception {
		// the setup of the failure seen in the field, scaled down
		RedisServerProcess redis = redis(true);
		ConfigurableApplicationContext app = app(redis.port());
		List<Delivery> plan = PlatformSender.plan("aof", 2000, 400, 100, 25, 25, 2);
		long started = System.nanoTime();
		Run run = sender(app).start(plan);
		awaitTraffic(run, 300);
		redis.pause(Duration.ofSeconds(3));
		Thread.sleep(3000);
		redis.kill();
		Thread.sleep(2000);
		redis.start();
		long healed = System.nanoTime();
		assertThat(run.await(DEADLINE)).isTrue();
		assertExactlyOnce(plan, run, recorder(app));
		assertThat(redis.claimedKeys(this.prefix + "*")).isZero();
		summary("redis paused 3 s, killed, restarted (AOF)", plan, run, "1 pause + 1 kill",
				recorder(app).invocations(), run.firstAnswerAfter(healed), started);
	}

	@Test
	void redisKilledAndRestartedWithoutPersistence() throws Exception {
		// Without persistence a restart forgets every processed delivery: a redelivery of an event processed before
		// the restart runs again. Within one Redis lifetime nothing runs twice, and every event runs.
		RedisServerProcess redis = redis(false);
		ConfigurableApplicationContext app = app(redis.port());
		Recorder recorder = recorder(app);
		List<Delivery> plan = PlatformSender.plan("nopersist", 2000, 400, 100, 25, 25, 3);
		long started = System.nanoTime();
		Run run = sender(app).start(plan);
		awaitTraffic(run, 450);
		redis.kill();
		recorder.epoch = 1;
		Thread.sleep(2000);
		redis.start();
		long healed = System.nanoTime();
		assertThat(run.await(DEADLINE)).isTrue();
		assertThat(run.unfinished).hasValue(0);
		assertThat(run.refusedButAccepted).hasValue(0);
		Set<String> valid = PlatformSender.validEvents(plan);
		int processedAgain = 0;
		for (String id : valid) {
			for (String handler : List.of("first", "second")) {
				assertThat(recorder.count(handler, id)).as(handler + " of " + id).isBetween(1, 2);
				for (int epoch = 0; epoch <= 1; epoch++) {
					AtomicInteger inEpoch = recorder.completed.get(handler + "|" + id + "|" + epoch);
					assertThat((inEpoch != null) ? inEpoch.get() : 0).as(handler + " of " + id + " in one lifetime")
						.isLessThanOrEqualTo(1);
				}
			}
			if (recorder.count("first", id) + recorder.count("second", id) > 2) {
				processedAgain++;
			}
		}
		for (String id : PlatformSender.refusedEvents(plan)) {
			assertThat(recorder.count("first", id) + recorder.count("second", id)).isZero();
		}
		assertThat(redis.claimedKeys(this.prefix + "*")).isZero();
		summary("redis killed, restarted empty (no persistence)", plan, run,
				"1 kill; " + processedAgain + " events processed again after the restart", recorder.invocations(),
				run.firstAnswerAfter(healed), started);
	}

	@Test
	void redisSlowThenBlockedLongerThanTheCommandTimeout() throws Exception {
		RedisServerProcess redis = redis(false);
		FaultProxy proxy = track(new FaultProxy(redis.port()));
		ConfigurableApplicationContext app = app(proxy.port());
		List<Delivery> plan = PlatformSender.plan("slow", 1500, 300, 75, 20, 20, 4);
		long started = System.nanoTime();
		Run run = sender(app).start(plan);
		awaitTraffic(run, 300);
		proxy.latency(Duration.ofMillis(150));
		Thread.sleep(3000);
		proxy.latency(Duration.ZERO);
		Thread.sleep(500);
		// blocked for more than the 1 s command timeout: commands time out, some after Redis executed them
		redis.sleepInBackground(Duration.ofMillis(2500));
		Thread.sleep(2500);
		long healed = System.nanoTime();
		assertThat(run.await(DEADLINE)).isTrue();
		assertExactlyOnce(plan, run, recorder(app));
		assertThat(redis.claimedKeys(this.prefix + "*")).isZero();
		summary("redis slow (150 ms per packet 3 s), then DEBUG SLEEP 2.5 s", plan, run, "3 s latency + 1 sleep",
				recorder(app).invocations(), run.firstAnswerAfter(healed), started);
	}

	@Test
	void connectionResetMidCommandAfterRedisExecutedIt() throws Exception {
		// Redis executes the commands and the answers are lost; then the connection is closed (the client re-sends
		// the commands after reconnecting, so each claim reaches Redis twice) or reset (the commands fail, their
		// claims are left in doubt).
		RedisServerProcess redis = redis(false);
		FaultProxy proxy = track(new FaultProxy(redis.port()));
		ConfigurableApplicationContext app = app(proxy.port());
		List<Delivery> plan = PlatformSender.plan("reset", 1500, 300, 75, 20, 20, 5);
		long started = System.nanoTime();
		Run run = sender(app).start(plan);
		awaitTraffic(run, 300);
		int resets = 5;
		long healed = 0;
		for (int i = 0; i < resets; i++) {
			proxy.loseAnswers(true);
			Thread.sleep(300);
			if (i % 2 == 0) {
				proxy.closeConnections();
			}
			else {
				proxy.resetConnections();
			}
			proxy.loseAnswers(false);
			healed = System.nanoTime();
			Thread.sleep(700);
		}
		assertThat(run.await(DEADLINE)).isTrue();
		assertExactlyOnce(plan, run, recorder(app));
		assertThat(redis.claimedKeys(this.prefix + "*")).isZero();
		summary("connection closed or reset mid-command, answers lost", plan, run,
				(resets + 1) / 2 + " closes + " + resets / 2 + " resets",
				recorder(app).invocations(), run.firstAnswerAfter(healed), started);
	}

	@Test
	void instanceKilledInTheMiddleOfAHandlerAndAnotherTakesTheRedelivery() throws Exception {
		RedisServerProcess redis = redis(false);
		// the first instance reaches Redis through a proxy, so that "killing" it cuts it off for good
		FaultProxy firstLink = track(new FaultProxy(redis.port()));
		ConfigurableApplicationContext first = app(firstLink.port(),
				"interactor.webhook.idempotency.processing-timeout=2s");
		ConfigurableApplicationContext second = app(redis.port(),
				"interactor.webhook.idempotency.processing-timeout=2s");
		Recorder firstRecorder = recorder(first);
		Recorder secondRecorder = recorder(second);
		String victim = "killed_" + UUID.randomUUID();
		firstRecorder.blockSecondOf = victim;
		track(firstRecorder::unblock);
		List<Delivery> plan = PlatformSender.plan("twoinstances", 600, 120, 30, 10, 10, 6);
		long started = System.nanoTime();
		// the first attempt reaches the first instance, which dies in the middle of the second handler
		String body = Deliveries.body(FaultTestApplication.EVENT_TYPE, victim, "{\"content\":\"hi\"}");
		CompletableFuture<HttpResponse<String>> firstAttempt = HttpClient.newHttpClient()
			.sendAsync(post(FaultTestApplication.port(first), body, Duration.ofSeconds(2)),
					HttpResponse.BodyHandlers.ofString());
		assertThat(firstRecorder.blocked.await(30, TimeUnit.SECONDS)).isTrue();
		firstLink.refuse(true);
		long killed = System.nanoTime();
		// the load balancer sends everything else, and the platform's retry, to the second instance
		List<Delivery> withRedelivery = new ArrayList<>(plan);
		withRedelivery.add(0, new Delivery(victim, body, Kind.VALID, true));
		Run run = sender(second).start(withRedelivery);
		assertThat(run.await(DEADLINE)).isTrue();
		assertThat(firstAttempt).failsWithin(Duration.ofSeconds(10));
		assertExactlyOnce(plan, run, firstRecorder, secondRecorder);
		// the handler that completed before the kill is not run again; the one killed runs once on the other
		assertThat(firstRecorder.count("first", victim)).isOne();
		assertThat(firstRecorder.count("second", victim)).isZero();
		assertThat(secondRecorder.count("first", victim)).isZero();
		assertThat(secondRecorder.count("second", victim)).isOne();
		assertThat(redis.claimedKeys(this.prefix + "*")).isZero();
		// recovered-in: the other deliveries; the killed one waits for its claim to lapse (2 s)
		summary("instance killed mid-handler, other takes over", plan, run,
				"1 instance killed (claim lapses after 2 s)", firstRecorder.invocations() + secondRecorder.invocations(),
				run.firstAnswerAfter(killed), started);
	}

	@Test
	void handlerSlowerThanTheProcessingTimeoutRunsAgainForARedeliveryAfterTheClaimLapsed() throws Exception {
		// Documented limit: a claim lapses after the processing timeout even while its handler still runs, so a
		// redelivery after that runs the handlers that had not completed yet a second time.
		RedisServerProcess redis = redis(false);
		ConfigurableApplicationContext app = app(redis.port(),
				"interactor.webhook.idempotency.processing-timeout=1s");
		Recorder recorder = recorder(app);
		String slow = "slow_" + UUID.randomUUID();
		recorder.slowSecondOf = slow;
		recorder.slowFor = Duration.ofMillis(2500);
		String body = Deliveries.body(FaultTestApplication.EVENT_TYPE, slow, "{\"content\":\"hi\"}");
		int port = FaultTestApplication.port(app);
		HttpClient client = HttpClient.newHttpClient();
		List<Delivery> plan = PlatformSender.plan("lapse", 300, 60, 15, 5, 5, 7);
		long started = System.nanoTime();
		Run run = sender(app).start(plan);
		CompletableFuture<HttpResponse<String>> first = client.sendAsync(post(port, body, Duration.ofSeconds(30)),
				HttpResponse.BodyHandlers.ofString());
		// the first handler ran: the key is claimed and the slow second handler is running
		await().atMost(Duration.ofSeconds(30)).until(() -> recorder.count("first", slow) == 1);
		HttpResponse<String> whileClaimed = client.send(post(port, body, Duration.ofSeconds(30)),
				HttpResponse.BodyHandlers.ofString());
		assertThat(whileClaimed.statusCode()).isEqualTo(503);
		Thread.sleep(1500);
		HttpResponse<String> afterLapse = client.send(post(port, body, Duration.ofSeconds(30)),
				HttpResponse.BodyHandlers.ofString());
		assertThat(afterLapse.statusCode()).isEqualTo(200);
		assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		assertThat(recorder.count("first", slow)).isOne();
		assertThat(recorder.count("second", slow)).isEqualTo(2);
		HttpResponse<String> later = client.send(post(port, body, Duration.ofSeconds(30)),
				HttpResponse.BodyHandlers.ofString());
		assertThat(later.statusCode()).isEqualTo(200);
		assertThat(later.body()).contains("\"duplicate\":true");
		assertThat(recorder.count("second", slow)).isEqualTo(2);
		assertThat(run.await(DEADLINE)).isTrue();
		assertExactlyOnce(plan, run, recorder);
		assertThat(redis.claimedKeys(this.prefix + "*")).isZero();
		summary("handler slower (2.5 s) than processing timeout (1 s)", plan, run,
				"1 lapsed claim: its unfinished handler ran twice", recorder.invocations(), 0, started);
	}

	@Test
	void loadOnRedis() throws Exception {
		RedisServerProcess redis = redis(false);
		ConfigurableApplicationContext app = app(redis.port());
		List<Delivery> plan = loadPlan("loadredis");
		long started = System.nanoTime();
		Run run = sender(app).start(plan);
		assertThat(run.await(DEADLINE)).isTrue();
		assertExactlyOnce(plan, run, recorder(app));
		// one key per processed event, each expiring after the TTL
		assertThat(redis.dbSize()).isEqualTo(PlatformSender.validEvents(plan).size());
		assertThat(redis.claimedKeys(this.prefix + "*")).isZero();
		summary("load, redis store", plan, run, "none", recorder(app).invocations(), 0, started);
	}

	@Test
	void loadOnTheBoundedInMemoryStore() throws Exception {
		RedisServerProcess redis = redis(false);
		int maxEntries = 3000;
		ConfigurableApplicationContext app = app(redis.port(), "interactor.webhook.idempotency.store=memory",
				"interactor.webhook.idempotency.max-entries=" + maxEntries);
		InMemoryWebhookIdempotencyStore store = app.getBean(InMemoryWebhookIdempotencyStore.class);
		List<Delivery> plan = loadPlan("loadmemory");
		AtomicInteger largest = new AtomicInteger();
		Thread monitor = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				largest.accumulateAndGet(store.size(), Math::max);
				RedisServerProcess.sleep(Duration.ofMillis(20));
			}
		}, "store-size-monitor");
		monitor.setDaemon(true);
		track(monitor::interrupt);
		long started = System.nanoTime();
		Run run = sender(app).start(plan);
		monitor.start();
		assertThat(run.await(DEADLINE)).isTrue();
		assertExactlyOnce(plan, run, recorder(app));
		assertThat(largest.get()).isPositive().isLessThanOrEqualTo(maxEntries);
		assertThat(store.size()).isLessThanOrEqualTo(maxEntries);
		summary("load, in-memory store (max-entries " + maxEntries + ", largest " + largest + ")", plan, run, "none",
				recorder(app).invocations(), 0, started);
	}

	/** 10,000 deliveries: 10 % duplicates, 5 % bad signatures, 3 % stale or future timestamps. */
	private static List<Delivery> loadPlan(String run) {
		List<Delivery> plan = PlatformSender.plan(run, 8200, 1000, 500, 150, 150, 8);
		assertThat(plan).hasSize(10_000);
		return plan;
	}

	private PlatformSender sender(ConfigurableApplicationContext app) {
		return new PlatformSender(List.of(FaultTestApplication.port(app)), SENDERS, Duration.ofSeconds(10));
	}

	private static Recorder recorder(ConfigurableApplicationContext app) {
		return app.getBean(Recorder.class);
	}

	private static HttpRequest post(int port, String body, Duration timeout) {
		HttpHeaders headers = new WebhookSigner(Deliveries.SECRET).headers(null, Deliveries.bytes(body));
		HttpRequest.Builder builder = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + FaultTestApplication.PATH))
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach((name, values) -> values.forEach((value) -> builder.header(name, value)));
		return builder.build();
	}

	/** Every valid event ran each handler exactly once over all instances; no refused delivery ran any. */
	private static void assertExactlyOnce(List<Delivery> plan, Run run, Recorder... instances) {
		assertThat(run.unfinished).as("valid deliveries never answered 2xx").hasValue(0);
		assertThat(run.refusedButAccepted).as("refused deliveries answered 2xx").hasValue(0);
		Set<String> valid = PlatformSender.validEvents(plan);
		for (String id : valid) {
			for (String handler : List.of("first", "second")) {
				int count = 0;
				for (Recorder recorder : instances) {
					count += recorder.count(handler, id);
				}
				assertThat(count).as(handler + " of " + id).isOne();
			}
		}
		for (String id : PlatformSender.refusedEvents(plan)) {
			for (Recorder recorder : instances) {
				assertThat(recorder.count("first", id) + recorder.count("second", id)).as(id).isZero();
			}
		}
	}

	private static void summary(String scenario, List<Delivery> plan, Run run, String faults, int invocations,
			long recoveredMillis, long startedNanos) {
		long duplicates = plan.stream().filter(Delivery::duplicate).count();
		long refused = plan.stream().filter((delivery) -> delivery.kind() != Kind.VALID).count();
		System.out.printf(
				"[fault-suite] %s: events=%d deliveries=%d duplicates=%d refused=%d faults=%s invocations=%d "
						+ "attempts=%d 503s=%d 401s=%d io-errors=%d duplicates-answered=%d recovered-in=%s took=%dms%n",
				scenario, PlatformSender.validEvents(plan).size(), plan.size(), duplicates, refused, faults,
				invocations, run.attempts.get(), run.unavailable.get(), run.refused.get(), run.ioErrors.get(),
				run.duplicatesAnswered.get(), (recoveredMillis > 0) ? recoveredMillis + "ms" : "n/a",
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
	}


	/** Waits until the senders have had this many deliveries processed, so that a fault hits running traffic. */
	private static void awaitTraffic(Run run, int processed) {
		await().atMost(DEADLINE).until(() -> run.processed.get() >= processed);
	}

}
