package io.interactor.spring.webhook.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.interactor.spring.webhook.WebhookEvent;
import io.interactor.spring.webhook.dispatch.WebhookEnvelopeParser.Envelope;
import io.interactor.spring.webhook.dispatch.WebhookEnvelopeParser.InvalidEnvelopeException;
import io.interactor.spring.webhook.dispatch.WebhookOutcome.Result;
import io.interactor.spring.webhook.dispatch.WebhookRejectionLog.Reason;
import io.interactor.spring.webhook.idempotency.Claim;
import io.interactor.spring.webhook.idempotency.ClaimResult;
import io.interactor.spring.webhook.idempotency.WebhookIdempotencyStore;
import io.interactor.spring.webhook.signature.EnvelopeTimestampPolicy;
import io.interactor.spring.webhook.signature.SignatureScheme;
import io.interactor.spring.webhook.signature.VerificationFailure;
import io.interactor.spring.webhook.signature.VerificationResult;
import io.interactor.spring.webhook.signature.WebhookSignatureVerifier;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;

/**
 * The webhook pipeline shared by the servlet and reactive endpoints: size cap (413) →
 * timestamp and signature on the raw bytes (401) → envelope (400) → for a body-only signature, the envelope's own
 * timestamp (401, see {@link EnvelopeTimestampPolicy}) → arguments of the matching handlers (400) → atomic
 * claim of the idempotency key (duplicate: 200, in progress: 503 + {@code Retry-After}, store down: 503) → every
 * matching handler in order → complete the claim, or release it when a handler threw (500).
 * <p>
 * Completion is recorded per handler ({@link WebhookHandlerMethod#getId()}): when a handler throws, the handlers before
 * it stay recorded as completed, and the redelivery runs only the others. When the idempotency store fails between
 * handlers the delivery is answered 503 without running further handlers.
 * <p>
 * A store operation that failed may still have taken effect (a claim written although its answer was lost), and one
 * that did not leaves the key claimed or a completion unrecorded. The dispatcher remembers such claims in memory and
 * settles them as soon as the store answers again: it records the missing completions, then completes the key or
 * releases the claim. A key's own unsettled claims are settled before the key is claimed again, so a redelivery to
 * this instance neither waits for the processing timeout nor runs a handler whose completion was not recorded; the
 * others are settled a few at a time by the following deliveries. While any claim is unsettled, a background thread
 * ({@code interactor-webhook-settle}, started on demand and ended when idle) also retries settling them every 500 ms,
 * backing off up to 5 seconds while the store keeps failing, so a claim is settled within about that time of the store
 * coming back even when no delivery reaches this instance. Until then, a redelivery reaching another instance is
 * answered 503 while the claim holds, and may run a handler whose completion is still unrecorded here, so handlers
 * must still be idempotent for that window. {@link #close()} stops the background settling; a dispatcher created as
 * a bean is closed with its application context.
 * <p>
 * {@link #dispatch} blocks while the handlers run: reactive callers must call it off the event loop. Nothing of the
 * payload, the secret or the signature is logged or returned.
 * <p>
 * Rejected deliveries (413, 401, 400) are logged at WARN with their reason, at most one line per reason and minute;
 * the next line of a reason counts the deliveries rejected for it in between. An unexpected failure of the pipeline
 * itself (for example a custom verifier that throws) is logged at ERROR and answered 500
 * ({@link Result#INTERNAL_ERROR}), so that every delivery ends with a {@link WebhookOutcome}.
 * <p>
 * Each delivery is observed as {@code interactor.webhook.delivery} ({@link WebhookDeliveryObservationContext}), the
 * one place where outcomes are reported: metrics and the {@link WebhookOutcomeCounts} are recorded from it. Its
 * parent is the registry's current observation (e.g. the HTTP server request), and it is current while the handlers
 * run, so the Interactor client calls they make become its children.
 *
 * @since 0.1.0
 */
public class WebhookDispatcher implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(WebhookDispatcher.class);

	private static final WebhookDeliveryObservationConvention DEFAULT_CONVENTION = //
			new DefaultWebhookDeliveryObservationConvention();

	private static final Duration DEFAULT_IDEMPOTENCY_TTL = Duration.ofDays(7);

	private static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

	private static final int MAX_UNSETTLED_CLAIMS = 10_000;

	private static final Duration SETTLE_INTERVAL = Duration.ofMillis(500);

	private static final Duration MAX_SETTLE_INTERVAL = Duration.ofSeconds(5);

	private final WebhookSignatureVerifier verifier;

	private final WebhookIdempotencyStore store;

	private final WebhookHandlerRegistry registry;

	private final WebhookEnvelopeParser parser;

	private final long maxPayloadBytes;

	private final long retryAfterSeconds;

	private final ObservationRegistry observationRegistry;

	private final UnsettledClaims unsettledClaims;

	private volatile @Nullable WebhookDeliveryObservationConvention observationConvention;

	private volatile EnvelopeTimestampPolicy envelopeTimestampPolicy = new EnvelopeTimestampPolicy(
			DEFAULT_IDEMPOTENCY_TTL, DEFAULT_TOLERANCE);

	private volatile Clock clock = Clock.systemUTC();

	private volatile WebhookRejectionLog rejectionLog = new WebhookRejectionLog(logger, Clock.systemUTC());

	/**
	 * Create a dispatcher that observes nothing.
	 * @param verifier the signature verifier
	 * @param store the idempotency store
	 * @param registry the handler registry
	 * @param jsonMapper the mapper reading envelopes
	 * @param maxPayloadBytes the largest accepted body
	 * @param retryAfter the {@code Retry-After} sent with 503 answers
	 */
	public WebhookDispatcher(WebhookSignatureVerifier verifier, WebhookIdempotencyStore store,
			WebhookHandlerRegistry registry, JsonMapper jsonMapper, long maxPayloadBytes, Duration retryAfter) {
		this(verifier, store, registry, jsonMapper, maxPayloadBytes, retryAfter, ObservationRegistry.NOOP);
	}

	/**
	 * Create a dispatcher that observes every delivery.
	 * @param verifier the signature verifier
	 * @param store the idempotency store
	 * @param registry the handler registry
	 * @param jsonMapper the mapper reading envelopes
	 * @param maxPayloadBytes the largest accepted body
	 * @param retryAfter the {@code Retry-After} sent with 503 answers
	 * @param observationRegistry where deliveries are observed ({@link ObservationRegistry#NOOP} for none)
	 * @since 0.1.0
	 */
	public WebhookDispatcher(WebhookSignatureVerifier verifier, WebhookIdempotencyStore store,
			WebhookHandlerRegistry registry, JsonMapper jsonMapper, long maxPayloadBytes, Duration retryAfter,
			ObservationRegistry observationRegistry) {
		Assert.isTrue(maxPayloadBytes > 0, "'maxPayloadBytes' must be positive");
		this.verifier = verifier;
		this.store = store;
		this.registry = registry;
		this.parser = new WebhookEnvelopeParser(jsonMapper);
		this.maxPayloadBytes = maxPayloadBytes;
		this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
		this.observationRegistry = observationRegistry;
		this.unsettledClaims = new UnsettledClaims(store, MAX_UNSETTLED_CLAIMS, SETTLE_INTERVAL, MAX_SETTLE_INTERVAL);
	}

	/**
	 * Replace the convention of the {@code interactor.webhook.delivery} observation; set it before first use.
	 * @param observationConvention the convention, or {@code null} for
	 * {@link DefaultWebhookDeliveryObservationConvention}
	 * @since 0.1.0
	 */
	public void setObservationConvention(@Nullable WebhookDeliveryObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	/**
	 * Set the rule that the envelope of a delivery signed over its body alone must meet; set it before first use.
	 * It must match the idempotency store: its TTL is how long the store remembers processed deliveries.
	 * @param envelopeTimestampPolicy the policy; by default one for a 7-day TTL and a 5-minute tolerance
	 * @since 0.1.0
	 */
	public void setEnvelopeTimestampPolicy(EnvelopeTimestampPolicy envelopeTimestampPolicy) {
		Assert.notNull(envelopeTimestampPolicy, "'envelopeTimestampPolicy' must not be null");
		this.envelopeTimestampPolicy = envelopeTimestampPolicy;
	}

	/**
	 * Set the clock that envelope timestamps are checked against and that spaces the rejection log lines; set it
	 * before first use.
	 * @param clock the clock; {@link Clock#systemUTC()} by default
	 * @since 0.1.0
	 */
	public void setClock(Clock clock) {
		Assert.notNull(clock, "'clock' must not be null");
		this.clock = clock;
		this.rejectionLog = new WebhookRejectionLog(logger, clock);
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
		WebhookDeliveryObservationContext delivery = new WebhookDeliveryObservationContext();
		Observation observation = WebhookObservationDocumentation.WEBHOOK_DELIVERY
			.observation(this.observationConvention, DEFAULT_CONVENTION, () -> delivery, this.observationRegistry)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			WebhookOutcome outcome = process(headers, body, delivery, observation);
			delivery.setResult(outcome.result());
			return outcome;
		}
		catch (RuntimeException ex) {
			// Answered rather than thrown: the delivery is counted, and the sender gets a 500 it retries, not
			// whatever the web stack makes of an exception (a redirect to an error page the sender cannot reach).
			observation.error(ex);
			logger.error("Webhook delivery failed unexpectedly, answered 500", ex);
			delivery.setResult(Result.INTERNAL_ERROR);
			return WebhookOutcome.of(Result.INTERNAL_ERROR);
		}
		finally {
			// Observers must not change the answer: the delivery is answered whatever happens to them.
			try {
				observation.stop();
			}
			catch (RuntimeException ex) {
				logger.debug("Could not record the webhook delivery observation: " + ex.getClass().getName());
			}
		}
	}

	private WebhookOutcome process(HttpHeaders headers, WebhookBody collected,
			WebhookDeliveryObservationContext delivery, Observation observation) {
		if (collected.isTooLarge()) {
			return reject(Result.PAYLOAD_TOO_LARGE, Reason.PAYLOAD_TOO_LARGE, this.maxPayloadBytes + " bytes");
		}
		byte[] body = collected.toByteArray();
		VerificationResult verification = this.verifier.verify(headers, body);
		VerificationFailure failure = verification.failure();
		if (failure != null) {
			return rejectUnverified(failure);
		}
		Envelope envelope;
		try {
			envelope = this.parser.read(headers, body);
		}
		catch (InvalidEnvelopeException ex) {
			return ex.isInvalidJson() ? reject(Result.INVALID_JSON, Reason.INVALID_JSON, null)
					: reject(Result.INVALID_ENVELOPE, Reason.INVALID_ENVELOPE, null);
		}
		if (verification.matchedScheme() == SignatureScheme.BODY) {
			// The signature does not cover the timestamp header: the signed envelope's own timestamp has to show
			// that the idempotency store would still recognise this delivery if it were a replay.
			VerificationFailure stale = this.envelopeTimestampPolicy.check(envelope.timestamp(), this.clock.instant());
			if (stale != null) {
				return rejectUnverified(stale);
			}
		}
		WebhookEvent<JsonNode> event = envelope.event();
		delivery.setEventType(event.type());
		delivery.setNamespace(event.namespace());
		if (logger.isDebugEnabled()) {
			logger.debug("Verified webhook " + event + " (scheme " + verification.matchedScheme() + ", secret #"
					+ verification.secretIndex() + ")");
		}
		List<WebhookHandlerMethod> handlers = this.registry.handlersFor(event.type());
		if (handlers.isEmpty()) {
			logger.debug("No @InteractorWebhook handler for event type " + event.type() + "; acknowledged");
			return WebhookOutcome.of(Result.UNHANDLED);
		}
		List<@Nullable Object[]> arguments = new ArrayList<>(handlers.size());
		for (WebhookHandlerMethod handler : handlers) {
			try {
				arguments.add(handler.resolveArguments(event));
			}
			catch (Exception ex) {
				return reject(Result.INVALID_PAYLOAD, Reason.INVALID_PAYLOAD,
						handler + ", " + ex.getClass().getName());
			}
		}
		String key = event.idempotencyKey();
		String claimId = UUID.randomUUID().toString();
		try {
			// What an earlier attempt left in doubt is settled first: the claim it may have written is released and
			// the completions it could not record are recorded, so this attempt sees the key as it really is.
			this.unsettledClaims.settle(key);
		}
		catch (RuntimeException ex) {
			logger.warn("Idempotency store unavailable, answering 503 for " + event + ": " + ex.getMessage());
			return WebhookOutcome.of(Result.STORE_UNAVAILABLE, this.retryAfterSeconds);
		}
		// One call claims the key and reads which handlers an earlier delivery completed (one round trip with Redis).
		Claim claim;
		try {
			claim = this.store.claimWithCompletedHandlers(key, claimId);
		}
		catch (RuntimeException ex) {
			// The claim may have been written all the same (the answer was lost): release it once the store is back.
			this.unsettledClaims.claimFailed(key, claimId);
			logger.warn("Idempotency store unavailable, answering 503 for " + event + ": " + ex.getMessage());
			return WebhookOutcome.of(Result.STORE_UNAVAILABLE, this.retryAfterSeconds);
		}
		// The store answers again: settle what earlier failures left in doubt for other keys.
		this.unsettledClaims.settleSome();
		if (claim.result() == ClaimResult.COMPLETED) {
			logger.debug("Duplicate of processed webhook " + event);
			return WebhookOutcome.of(Result.DUPLICATE);
		}
		if (claim.result() == ClaimResult.IN_PROGRESS) {
			logger.debug("Duplicate of webhook in progress " + event);
			return WebhookOutcome.of(Result.DUPLICATE_IN_PROGRESS, this.retryAfterSeconds);
		}
		// Completion is recorded per handler: a redelivery after a partial failure runs only the handlers that did not
		// complete. Whenever the store fails, stop and answer 503 (fail closed): the delivery is never reported as
		// processed while a completion may be missing.
		Set<String> completed = claim.completedHandlers();
		int last = lastToRun(handlers, completed);
		delivery.setHandlersInvoked(true);
		for (int i = 0; i < handlers.size(); i++) {
			WebhookHandlerMethod handler = handlers.get(i);
			if (completed.contains(handler.getId())) {
				logger.debug("Skipping " + handler + " for " + event + ": it completed in an earlier attempt");
				continue;
			}
			try {
				handler.invoke(arguments.get(i), observation);
			}
			catch (Throwable ex) {
				observation.error(ex);
				logger.error("@InteractorWebhook handler " + handler + " failed for " + event
						+ "; releasing the delivery so a redelivery runs the handlers that did not complete", ex);
				release(key, claimId, Set.of(), event);
				return WebhookOutcome.of(Result.HANDLER_FAILED);
			}
			if (i == last) {
				// The last handler's completion and the key's completion are one call (one round trip with Redis).
				return completeWithHandler(key, claimId, handler, event);
			}
			try {
				this.store.completeHandler(key, claimId, handler.getId());
			}
			catch (RuntimeException ex) {
				logger.warn("Handler " + handler + " completed for " + event + " but the idempotency store could not"
						+ " record it; answering 503 without running further handlers, the completion is recorded"
						+ " when the store answers again (" + ex.getMessage() + ")");
				release(key, claimId, Set.of(handler.getId()), event);
				return WebhookOutcome.of(Result.STORE_UNAVAILABLE, this.retryAfterSeconds);
			}
		}
		try {
			this.store.complete(key, claimId);
		}
		catch (RuntimeException ex) {
			// Every handler's completion is recorded, so a redelivery would run none of them again; the key is
			// completed when the store answers again, so that it does not stay claimed until the processing timeout.
			this.unsettledClaims.completeFailed(key, claimId);
			logger.warn("Processed " + event + " but could not mark it completed; a redelivery runs no handler again ("
					+ ex.getMessage() + ")");
		}
		return WebhookOutcome.of(Result.PROCESSED);
	}

	/** The index of the last handler that has to run, -1 when every one completed in an earlier attempt. */
	private static int lastToRun(List<WebhookHandlerMethod> handlers, Set<String> completed) {
		for (int i = handlers.size() - 1; i >= 0; i--) {
			if (!completed.contains(handlers.get(i).getId())) {
				return i;
			}
		}
		return -1;
	}

	private WebhookOutcome completeWithHandler(String key, String claimId, WebhookHandlerMethod handler,
			WebhookEvent<?> event) {
		try {
			this.store.completeWithHandler(key, claimId, handler.getId());
		}
		catch (RuntimeException ex) {
			// Whether the handler's completion was recorded is unknown: fail closed, so that the sender redelivers,
			// and record the completion and complete the key when the store answers again (before that
			// redelivery, on this instance), so that it runs no handler again.
			this.unsettledClaims.completeFailed(key, claimId, Set.of(handler.getId()));
			logger.warn("Handler " + handler + " completed for " + event + " but the idempotency store could not"
					+ " record it; answering 503, the delivery is marked completed when the store answers again ("
					+ ex.getMessage() + ")");
			return WebhookOutcome.of(Result.STORE_UNAVAILABLE, this.retryAfterSeconds);
		}
		return WebhookOutcome.of(Result.PROCESSED);
	}

	private WebhookOutcome rejectUnverified(VerificationFailure failure) {
		Result result = "invalid_timestamp".equals(failure.errorCode()) ? Result.INVALID_TIMESTAMP
				: Result.INVALID_SIGNATURE;
		return reject(result, Reason.of(failure), null);
	}

	private WebhookOutcome reject(Result result, Reason reason, @Nullable String detail) {
		WebhookOutcome outcome = WebhookOutcome.of(result);
		this.rejectionLog.rejected(reason, outcome.status(), detail);
		return outcome;
	}

	/**
	 * Release a claim, first recording the handler completions the store failed to record; what fails is settled
	 * when the store answers again.
	 */
	private void release(String key, String claimId, Set<String> unrecordedHandlers, WebhookEvent<?> event) {
		try {
			for (String handlerId : unrecordedHandlers) {
				this.store.completeHandler(key, claimId, handlerId);
			}
			this.store.release(key, claimId);
		}
		catch (RuntimeException ex) {
			this.unsettledClaims.releaseFailed(key, claimId, unrecordedHandlers);
			logger.warn("Could not release " + event + "; it is released when the idempotency store answers again ("
					+ ex.getMessage() + ")");
		}
	}

	/**
	 * Stop settling unsettled claims in the background. Claims still unsettled are settled only by later deliveries,
	 * or lapse after the processing timeout; deliveries are still dispatched.
	 */
	@Override
	public void close() {
		this.unsettledClaims.close();
	}

	/**
	 * Set how often unsettled claims are retried in the background, and the longest delay while the store keeps
	 * failing; set it before first use.
	 * @param interval the delay after a claim was left in doubt or settling succeeded (500 ms by default)
	 * @param maxInterval the longest delay while the store keeps failing (5 seconds by default)
	 */
	void setSettleInterval(Duration interval, Duration maxInterval) {
		this.unsettledClaims.setInterval(interval, maxInterval);
	}

	/**
	 * Whether unsettled claims are being settled in the background.
	 * @return {@code true} while the background task is scheduled or running
	 */
	boolean isSettlingInBackground() {
		return this.unsettledClaims.isSettlingInBackground();
	}

	/**
	 * Wait until the background settling stopped after {@link #close()}.
	 * @param timeout how long to wait at most
	 * @return {@code true} if it stopped
	 */
	boolean awaitClosed(Duration timeout) throws InterruptedException {
		return this.unsettledClaims.awaitClosed(timeout);
	}

	/**
	 * The number of claims whose state in the store is in doubt and not settled yet.
	 * @return the count, 0 when the store answered every operation
	 */
	int unsettledClaims() {
		return this.unsettledClaims.size();
	}

}
