package io.interactor.spring.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.interactor.spring.webhook.WebhookSigner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;

/**
 * Sends the mock's webhook events from one background thread: each event goes to every subscription whose filter
 * matches it, signed anew (timestamp and delivery id) for every attempt, and is retried after each non-{@code 2xx}
 * answer or failed connection on the configured schedule until it succeeds or the attempts run out.
 */
final class WebhookSender {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

	private final JsonMapper json;

	private final PlatformState state;

	private final List<Duration> retryDelays;

	private final List<Subscription> configured = new CopyOnWriteArrayList<>();

	private final List<WebhookAttempt> log = new CopyOnWriteArrayList<>();

	private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
			(task) -> daemon(task, "mock-interactor-webhooks"));

	/** The HTTP client's own threads, stopped with the worker (Java 17's client cannot be shut down itself). */
	private final ExecutorService httpThreads = Executors.newCachedThreadPool(
			(task) -> daemon(task, "mock-interactor-webhooks-http"));

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(REQUEST_TIMEOUT)
		.version(HttpClient.Version.HTTP_1_1)
		.executor(this.httpThreads)
		.build();

	WebhookSender(JsonMapper json, PlatformState state, List<Duration> retryDelays) {
		this.json = json;
		this.state = state;
		this.retryDelays = List.copyOf(retryDelays);
	}

	void subscribe(String url, String secret, List<String> events) {
		this.configured.add(new Subscription(url, secret, List.copyOf(events)));
	}

	List<WebhookAttempt> log() {
		return List.copyOf(this.log);
	}

	void clearLog() {
		this.log.clear();
	}

	/**
	 * Publish an event: build the envelope now and queue one delivery per matching subscription.
	 */
	void publish(String namespace, String eventType, JsonNode data) {
		String eventId = PlatformState.newId("evt_");
		ObjectNode envelope = this.json.createObjectNode();
		envelope.put("id", eventId);
		envelope.put("event", eventType);
		envelope.put("timestamp", Instant.now().toString());
		envelope.put("idempotency_key", "idem_" + eventId.substring(4));
		envelope.put("namespace", namespace);
		envelope.set("data", data);
		byte[] body = this.json.writeValueAsBytes(envelope);
		for (Subscription subscription : subscriptions(namespace)) {
			if (subscription.accepts(eventType)) {
				schedule(new Delivery(subscription, eventType, eventId, body), 1, Duration.ZERO);
			}
		}
	}

	void close() {
		this.worker.shutdownNow();
		this.httpThreads.shutdownNow();
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	/** Subscriptions configured on the mock, then the active webhooks created through the API in the namespace. */
	private List<Subscription> subscriptions(String namespace) {
		List<Subscription> subscriptions = new ArrayList<>(this.configured);
		for (ObjectNode webhook : this.state.list(namespace, "webhooks")) {
			if (webhook.path("active").asBoolean(true) && webhook.hasNonNull("secret")) {
				List<String> events = new ArrayList<>();
				webhook.path("events").forEach((event) -> events.add(event.asString()));
				subscriptions.add(new Subscription(webhook.path("url").asString(), webhook.get("secret").asString(),
						events.isEmpty() ? List.of("*") : events));
			}
		}
		return subscriptions;
	}

	private void schedule(Delivery delivery, int attempt, Duration delay) {
		try {
			this.worker.schedule(() -> attempt(delivery, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// The mock is closing: pending deliveries are dropped.
		}
	}

	private void attempt(Delivery delivery, int attempt) {
		HttpHeaders headers = new WebhookSigner(delivery.subscription().secret()).headers(delivery.eventType(),
				delivery.body());
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.subscription().url()))
			.timeout(REQUEST_TIMEOUT)
			.POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
		headers.forEach((name, values) -> values.forEach((value) -> request.header(name, value)));
		int status;
		try {
			status = this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		catch (Exception ex) {
			status = 0;
		}
		WebhookAttempt recorded = new WebhookAttempt(delivery.eventType(), delivery.eventId(),
				delivery.subscription().url(), attempt, headers.getFirst("X-Interactor-Delivery"), status);
		this.log.add(recorded);
		if (!recorded.succeeded() && attempt <= this.retryDelays.size()) {
			schedule(delivery, attempt + 1, this.retryDelays.get(attempt - 1));
		}
	}

	private record Subscription(String url, String secret, List<String> events) {

		boolean accepts(String eventType) {
			for (String filter : this.events) {
				if ("*".equals(filter) || filter.equals(eventType) || (filter.endsWith(".*")
						&& eventType.startsWith(filter.substring(0, filter.length() - 1)))) {
					return true;
				}
			}
			return false;
		}

	}

	private record Delivery(Subscription subscription, String eventType, String eventId, byte[] body) {

	}

}
