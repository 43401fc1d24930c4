package io.interactor.spring.webhook.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import io.interactor.spring.test.Deliveries;
import io.interactor.spring.webhook.WebhookSigner;

import org.springframework.http.HttpHeaders;

/**
 * Sends deliveries over real HTTP the way the platform does: many senders at once, each attempt signed afresh, every
 * answer other than 2xx retried with a short back-off. A valid delivery is retried until it is answered 2xx (or the
 * deadline passes); a refused one (4xx) is given up after three attempts, since the platform's later attempts would
 * be refused alike.
 */
final class PlatformSender {

	enum Kind {

		VALID, BAD_SIGNATURE, STALE_TIMESTAMP, FUTURE_TIMESTAMP

	}

	record Delivery(String eventId, String body, Kind kind, boolean duplicate) {
	}

	private static final int REFUSED_ATTEMPTS = 3;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final List<Integer> ports;

	private final int concurrency;

	private final Duration requestTimeout;

	PlatformSender(List<Integer> ports, int concurrency, Duration requestTimeout) {
		this.ports = ports;
		this.concurrency = concurrency;
		this.requestTimeout = requestTimeout;
	}

	/**
	 * A plan of deliveries: {@code unique} valid events, {@code duplicates} more deliveries of some of them (half
	 * right after the first, so they run concurrently, half up to 100 deliveries later), and deliveries that must be
	 * refused, each of an event of its own, mixed in at random places.
	 */
	static List<Delivery> plan(String run, int unique, int duplicates, int badSignatures, int stale, int future,
			long seed) {
		Random random = new Random(seed);
		List<Delivery> plan = new ArrayList<>();
		for (int i = 0; i < unique; i++) {
			plan.add(delivery(run + "_" + i, Kind.VALID, false));
		}
		for (int i = 0; i < duplicates; i++) {
			int original = random.nextInt(unique);
			Delivery first = plan.stream()
				.filter((delivery) -> delivery.eventId().equals(run + "_" + original))
				.findFirst()
				.orElseThrow();
			int at = plan.indexOf(first) + ((i % 2 == 0) ? 1 : 1 + random.nextInt(100));
			plan.add(Math.min(at, plan.size()), new Delivery(first.eventId(), first.body(), Kind.VALID, true));
		}
		addRefused(plan, run + "_badsig_", Kind.BAD_SIGNATURE, badSignatures, random);
		addRefused(plan, run + "_stale_", Kind.STALE_TIMESTAMP, stale, random);
		addRefused(plan, run + "_future_", Kind.FUTURE_TIMESTAMP, future, random);
		return plan;
	}

	private static void addRefused(List<Delivery> plan, String prefix, Kind kind, int count, Random random) {
		for (int i = 0; i < count; i++) {
			plan.add(random.nextInt(plan.size() + 1), delivery(prefix + i, kind, false));
		}
	}

	private static Delivery delivery(String eventId, Kind kind, boolean duplicate) {
		String body = Deliveries.body(FaultTestApplication.EVENT_TYPE, eventId,
				"{\"message_id\":\"msg_" + eventId + "\",\"room_id\":\"room_1\",\"role\":\"user\",\"content\":\"hi\"}");
		return new Delivery(eventId, body, kind, duplicate);
	}

	/** The ids of the valid events of a plan. */
	static Set<String> validEvents(List<Delivery> plan) {
		Set<String> ids = new LinkedHashSet<>();
		plan.stream().filter((delivery) -> delivery.kind() == Kind.VALID).forEach((d) -> ids.add(d.eventId()));
		return ids;
	}

	/** The ids of the events that must be refused. */
	static Set<String> refusedEvents(List<Delivery> plan) {
		Set<String> ids = new LinkedHashSet<>();
		plan.stream().filter((delivery) -> delivery.kind() != Kind.VALID).forEach((d) -> ids.add(d.eventId()));
		return ids;
	}

	/** Start sending a plan on {@code concurrency} threads; the deliveries are taken in plan order. */
	Run start(List<Delivery> plan) {
		return new Run(plan);
	}

	final class Run {

		private final ConcurrentLinkedQueue<Delivery> queue;

		private final ExecutorService executor;

		private final AtomicInteger index = new AtomicInteger();

		final AtomicInteger processed = new AtomicInteger();

		final AtomicInteger duplicatesAnswered = new AtomicInteger();

		final AtomicInteger refused = new AtomicInteger();

		final AtomicInteger unavailable = new AtomicInteger();

		final AtomicInteger failed = new AtomicInteger();

		final AtomicInteger ioErrors = new AtomicInteger();

		final AtomicInteger attempts = new AtomicInteger();

		/** Valid deliveries never answered 2xx, and refused ones that were answered 2xx: both must stay 0. */
		final AtomicInteger unfinished = new AtomicInteger();

		final AtomicInteger refusedButAccepted = new AtomicInteger();

		/** When each 2xx answer arrived ({@link System#nanoTime()}). */
		final ConcurrentLinkedQueue<Long> answeredAt = new ConcurrentLinkedQueue<>();

		private volatile long deadline = Long.MAX_VALUE;

		Run(List<Delivery> plan) {
			this.queue = new ConcurrentLinkedQueue<>(plan);
			this.executor = Executors.newFixedThreadPool(PlatformSender.this.concurrency);
			for (int i = 0; i < PlatformSender.this.concurrency; i++) {
				this.executor.execute(this::work);
			}
			this.executor.shutdown();
		}

		/** Wait until every delivery is answered for good; give up on the rest after {@code timeout}. */
		boolean await(Duration timeout) throws InterruptedException {
			this.deadline = System.nanoTime() + timeout.toNanos();
			boolean done = this.executor.awaitTermination(timeout.toMillis() + 10_000, TimeUnit.MILLISECONDS);
			if (!done) {
				this.executor.shutdownNow();
			}
			return done;
		}

		/** Milliseconds from {@code since} ({@link System#nanoTime()}) to the first 2xx answer after it. */
		long firstAnswerAfter(long since) {
			return this.answeredAt.stream()
				.filter((at) -> at >= since)
				.mapToLong((at) -> TimeUnit.NANOSECONDS.toMillis(at - since))
				.min()
				.orElse(-1);
		}

		private void work() {
			Delivery delivery;
			while ((delivery = this.queue.poll()) != null) {
				int slot = this.index.getAndIncrement();
				send(delivery, () -> slot);
			}
		}

		private void send(Delivery delivery, IntSupplier slot) {
			int refusals = 0;
			for (int attempt = 0;; attempt++) {
				if (System.nanoTime() > this.deadline || Thread.currentThread().isInterrupted()) {
					if (delivery.kind() == Kind.VALID) {
						this.unfinished.incrementAndGet();
					}
					return;
				}
				this.attempts.incrementAndGet();
				int port = PlatformSender.this.ports.get((slot.getAsInt() + attempt) % PlatformSender.this.ports.size());
				int status;
				String body;
				try {
					HttpResponse<String> response = PlatformSender.this.client.send(request(delivery, port),
							HttpResponse.BodyHandlers.ofString());
					status = response.statusCode();
					body = response.body();
				}
				catch (IOException ex) {
					this.ioErrors.incrementAndGet();
					backOff(attempt);
					continue;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					continue;
				}
				if (status / 100 == 2) {
					this.answeredAt.add(System.nanoTime());
					if (delivery.kind() != Kind.VALID) {
						this.refusedButAccepted.incrementAndGet();
					}
					else if (body.contains("\"duplicate\":true")) {
						this.duplicatesAnswered.incrementAndGet();
					}
					else {
						this.processed.incrementAndGet();
					}
					return;
				}
				if (status == 503) {
					this.unavailable.incrementAndGet();
				}
				else if (status / 100 == 4) {
					this.refused.incrementAndGet();
					if (++refusals >= REFUSED_ATTEMPTS) {
						if (delivery.kind() == Kind.VALID) {
							this.unfinished.incrementAndGet();
						}
						return;
					}
				}
				else {
					this.failed.incrementAndGet();
				}
				backOff(attempt);
			}
		}

		private HttpRequest request(Delivery delivery, int port) {
			byte[] bytes = Deliveries.bytes(delivery.body());
			HttpHeaders headers = switch (delivery.kind()) {
				case VALID -> new WebhookSigner(Deliveries.SECRET).headers(null, bytes);
				case BAD_SIGNATURE -> new WebhookSigner("whsec_not_the_secret").headers(null, bytes);
				case STALE_TIMESTAMP -> new WebhookSigner(Deliveries.SECRET,
						Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10)))
					.headers(null, bytes);
				case FUTURE_TIMESTAMP -> new WebhookSigner(Deliveries.SECRET,
						Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)))
					.headers(null, bytes);
			};
			HttpRequest.Builder builder = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port + FaultTestApplication.PATH))
				.timeout(PlatformSender.this.requestTimeout)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
			headers.forEach((name, values) -> values.forEach((value) -> builder.header(name, value)));
			return builder.build();
		}

		private void backOff(int attempt) {
			long millis = Math.min(25L << Math.min(attempt, 4), 400) + ThreadLocalRandom.current().nextLong(25);
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
