package io.interactor.spring.webhook.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.interactor.spring.actuate.metrics.InteractorMetricTags;
import io.interactor.spring.actuate.metrics.InteractorMetrics;
import io.interactor.spring.webhook.WebhookEvent;
import io.interactor.spring.webhook.dispatch.WebhookEnvelopeParser.InvalidEnvelopeException;
import io.interactor.spring.webhook.dispatch.WebhookOutcome.Result;
import io.interactor.spring.webhook.idempotency.ClaimResult;
import io.interactor.spring.webhook.idempotency.WebhookIdempotencyStore;
import io.interactor.spring.webhook.signature.VerificationResult;
import io.interactor.spring.webhook.signature.WebhookSignatureVerifier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;

/**
 * The webhook pipeline shared by the servlet and reactive endpoints: size cap (413) →
 * timestamp and signature on the raw bytes (401) → envelope (400) → arguments of the matching handlers (400) → atomic
 * claim of the idempotency key (duplicate: 200, in progress: 503 + {@code Retry-After}, store down: 503) → every
 * matching handler in order → complete the claim, or release it when a handler threw (500).
 * <p>
 * {@link #dispatch} blocks while the handlers run: reactive callers must call it off the event loop. Nothing of the
 * payload, the secret or the signature is logged or returned.
 */
public class WebhookDispatcher {

	private static final Log logger = LogFactory.getLog(WebhookDispatcher.class);

	private final WebhookSignatureVerifier verifier;

	private final WebhookIdempotencyStore store;

	private final WebhookHandlerRegistry registry;

	private final WebhookEnvelopeParser parser;

	private final long maxPayloadBytes;

	private final long retryAfterSeconds;

	private final AtomicLong unhandled = new AtomicLong();

	private final InteractorMetrics metrics;

	private final WebhookOutcomeCounts outcomeCounts = new WebhookOutcomeCounts();

	/**
	 * Create a dispatcher.
	 * @param verifier the signature verifier
	 * @param store the idempotency store
	 * @param registry the handler registry
	 * @param jsonMapper the mapper reading envelopes
	 * @param maxPayloadBytes the largest accepted body
	 * @param retryAfter the {@code Retry-After} sent with 503 answers
	 */
	public WebhookDispatcher(WebhookSignatureVerifier verifier, WebhookIdempotencyStore store,
			WebhookHandlerRegistry registry, JsonMapper jsonMapper, long maxPayloadBytes, Duration retryAfter) {
		this(verifier, store, registry, jsonMapper, maxPayloadBytes, retryAfter, InteractorMetrics.noop());
	}

	/**
	 * Create a dispatcher that reports every delivery to {@code metrics}.
	 * @param verifier the signature verifier
	 * @param store the idempotency store
	 * @param registry the handler registry
	 * @param jsonMapper the mapper reading envelopes
	 * @param maxPayloadBytes the largest accepted body
	 * @param retryAfter the {@code Retry-After} sent with 503 answers
	 * @param metrics where deliveries are counted and timed
	 */
	public WebhookDispatcher(WebhookSignatureVerifier verifier, WebhookIdempotencyStore store,
			WebhookHandlerRegistry registry, JsonMapper jsonMapper, long maxPayloadBytes, Duration retryAfter,
			InteractorMetrics metrics) {
		Assert.isTrue(maxPayloadBytes > 0, "'maxPayloadBytes' must be positive");
		this.verifier = verifier;
		this.store = store;
		this.registry = registry;
		this.parser = new WebhookEnvelopeParser(jsonMapper);
		this.maxPayloadBytes = maxPayloadBytes;
		this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
		this.metrics = metrics;
	}

	/**
	 * The largest accepted body, in bytes.
	 * @return the cap
	 */
	public long getMaxPayloadBytes() {
		return this.maxPayloadBytes;
	}

	/**
	 * Whether any handler is registered; without handlers the endpoint is not routed.
	 * @return {@code true} when handlers exist
	 */
	public boolean hasHandlers() {
		return !this.registry.isEmpty();
	}

	/**
	 * How many verified deliveries had no matching handler.
	 * @return the count
	 */
	public long getUnhandledCount() {
		return this.unhandled.get();
	}

	/**
	 * How many deliveries ended with each result since start.
	 * @return the live counts
	 */
	public WebhookOutcomeCounts getOutcomeCounts() {
		return this.outcomeCounts;
	}

	/**
	 * A body to collect one delivery into, under this dispatcher's cap: the web endpoints read the request into it
	 * and pass it to {@link #dispatch(HttpHeaders, WebhookBody)}.
	 * @param declaredLength the {@code Content-Length} the sender declared, negative when unknown; a length over the
	 * cap makes the body too large before anything is read
	 * @return an empty body
	 */
	public WebhookBody newBody(long declaredLength) {
		return new WebhookBody(this.maxPayloadBytes, declaredLength);
	}

	/**
	 * Run the pipeline for one delivery whose body is already in memory, e.g. from a test or another transport. A
	 * body over the cap is refused (413) like one read by an endpoint.
	 * @param headers the request headers
	 * @param body the complete raw body
	 * @return what to answer
	 */
	public WebhookOutcome dispatch(HttpHeaders headers, byte[] body) {
		return dispatch(headers, WebhookBody.of(body, this.maxPayloadBytes));
	}

	/**
	 * Run the pipeline for one delivery.
	 * @param headers the request headers
	 * @param body the body collected under the cap by {@link #newBody(long)}
	 * @return what to answer: 413 when the body is {@link WebhookBody#isTooLarge() too large}
	 */
	public WebhookOutcome dispatch(HttpHeaders headers, WebhookBody body) {
		long start = System.nanoTime();
		Delivery delivery = new Delivery();
		WebhookOutcome outcome = process(headers, body, delivery);
		this.outcomeCounts.record(outcome.result());
		// Only deliveries that reached their handlers are timed: rejections answer at once and would hide slow
		// handlers (the sender's timeout risk) in the distribution.
		Duration processingTime = delivery.handlersInvoked ? Duration.ofNanos(System.nanoTime() - start) : null;
		try {
			this.metrics.webhookReceived(InteractorMetricTags.event(delivery.eventType), metricStatus(outcome.result()),
					processingTime, delivery.namespace);
		}
		catch (RuntimeException ex) {
			// The delivery is answered whatever happens to its metrics.
			logger.debug("Could not record webhook metrics: " + ex.getClass().getName());
		}
		return outcome;
	}

	/**
	 * The {@code status} tag of a result: one value per thing an operator reacts to differently.
	 * @param result the result
	 * @return the tag value
	 */
	static String metricStatus(Result result) {
		return switch (result) {
			case PROCESSED -> "processed";
			case UNHANDLED -> "ignored";
			case DUPLICATE -> "duplicate";
			case DUPLICATE_IN_PROGRESS -> "in_progress";
			case INVALID_SIGNATURE -> "invalid_signature";
			case INVALID_TIMESTAMP -> "invalid_timestamp";
			case INVALID_JSON, INVALID_ENVELOPE, INVALID_PAYLOAD -> "invalid_payload";
			case PAYLOAD_TOO_LARGE -> "too_large";
			case HANDLER_FAILED -> "failed";
			case STORE_UNAVAILABLE -> "store_unavailable";
		};
	}

	private WebhookOutcome process(HttpHeaders headers, WebhookBody collected, Delivery delivery) {
		if (collected.isTooLarge()) {
			return WebhookOutcome.of(Result.PAYLOAD_TOO_LARGE);
		}
		byte[] body = collected.toByteArray();
		VerificationResult verification = this.verifier.verify(headers, body);
		if (!verification.isValid()) {
			logger.debug("Rejected webhook delivery: " + verification.failure());
			return WebhookOutcome.of("invalid_timestamp".equals(verification.failure().errorCode())
					? Result.INVALID_TIMESTAMP : Result.INVALID_SIGNATURE);
		}
		WebhookEvent<JsonNode> event;
		try {
			event = this.parser.parse(headers, body);
		}
		catch (InvalidEnvelopeException ex) {
			logger.debug("Rejected webhook delivery: " + ex.getMessage());
			return WebhookOutcome.of(ex.isInvalidJson() ? Result.INVALID_JSON : Result.INVALID_ENVELOPE);
		}
		delivery.eventType = event.type();
		delivery.namespace = event.namespace();
		if (logger.isDebugEnabled()) {
			logger.debug("Verified webhook " + event + " (scheme " + verification.matchedScheme() + ", secret #"
					+ verification.secretIndex() + ")");
		}
		List<WebhookHandlerMethod> handlers = this.registry.handlersFor(event.type());
		if (handlers.isEmpty()) {
			this.unhandled.incrementAndGet();
			logger.debug("No @InteractorWebhook handler for event type " + event.type() + "; acknowledged");
			return WebhookOutcome.of(Result.UNHANDLED);
		}
		List<@Nullable Object[]> arguments = new ArrayList<>(handlers.size());
		for (WebhookHandlerMethod handler : handlers) {
			try {
				arguments.add(handler.resolveArguments(event));
			}
			catch (Exception ex) {
				logger.warn("Could not resolve the arguments of " + handler + " for " + event + ": "
						+ ex.getClass().getName());
				return WebhookOutcome.of(Result.INVALID_PAYLOAD);
			}
		}
		String key = event.idempotencyKey();
		String claimId = UUID.randomUUID().toString();
		ClaimResult claim;
		try {
			claim = this.store.claim(key, claimId);
		}
		catch (RuntimeException ex) {
			logger.warn("Idempotency store unavailable, answering 503 for " + event + ": " + ex.getMessage());
			return WebhookOutcome.of(Result.STORE_UNAVAILABLE, this.retryAfterSeconds);
		}
		if (claim == ClaimResult.COMPLETED) {
			logger.debug("Duplicate of processed webhook " + event);
			return WebhookOutcome.of(Result.DUPLICATE);
		}
		if (claim == ClaimResult.IN_PROGRESS) {
			logger.debug("Duplicate of webhook in progress " + event);
			return WebhookOutcome.of(Result.DUPLICATE_IN_PROGRESS, this.retryAfterSeconds);
		}
		delivery.handlersInvoked = true;
		for (int i = 0; i < handlers.size(); i++) {
			WebhookHandlerMethod handler = handlers.get(i);
			try {
				handler.invoke(arguments.get(i));
			}
			catch (Throwable ex) {
				logger.error("@InteractorWebhook handler " + handler + " failed for " + event
						+ "; releasing the delivery so a redelivery is processed", ex);
				release(key, claimId, event);
				return WebhookOutcome.of(Result.HANDLER_FAILED);
			}
		}
		try {
			this.store.complete(key, claimId);
		}
		catch (RuntimeException ex) {
			logger.warn("Processed " + event + " but could not record it: a redelivery after the processing timeout"
					+ " may be processed again (" + ex.getMessage() + ")");
		}
		return WebhookOutcome.of(Result.PROCESSED);
	}

	/** What {@link #process} learnt about a delivery, for its metrics. */
	private static final class Delivery {

		@Nullable String eventType;

		@Nullable String namespace;

		boolean handlersInvoked;

	}

	private void release(String key, String claimId, WebhookEvent<?> event) {
		try {
			this.store.release(key, claimId);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not release " + event + "; a redelivery is processed once the processing timeout "
					+ "lapses (" + ex.getMessage() + ")");
		}
	}

}
