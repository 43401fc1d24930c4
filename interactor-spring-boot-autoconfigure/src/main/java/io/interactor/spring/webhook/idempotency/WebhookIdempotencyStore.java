package io.interactor.spring.webhook.idempotency;

import java.util.Set;

/**
 * Remembers which webhook deliveries are being or have been processed, and which of their handlers completed, so that
 * each idempotency key is processed once and a redelivery after a partial failure runs only the handlers that did not
 * complete.
 * <p>
 * The dispatcher uses a store like this for one delivery: {@link #claim claim} the key; when claimed, read the
 * {@link #completedHandlers completed handlers}, run every other handler in order and {@link #completeHandler record}
 * each one's completion as soon as it returns; when all ran, {@link #complete complete} the key, else
 * {@link #release release} the claim. It claims and reads in one call,
 * {@link #claimWithCompletedHandlers claimWithCompletedHandlers}, and records the last handler's completion and
 * completes the key in one call, {@link #completeWithHandler completeWithHandler}: by default each is the two
 * operations one after the other, and a store whose every operation is a round trip to a server overrides them to do
 * each in one round trip, so that a delivery with one handler costs two.
 * <p>
 * <strong>Concurrency.</strong> {@link #claim(String, String)} must be atomic: of any number of concurrent claims of
 * one key, on any number of application instances sharing the store, exactly one returns {@link ClaimResult#CLAIMED}.
 * A claim lapses after the processing timeout so a crashed instance does not block a key forever. Each claim carries
 * the caller's claim id, so that a delivery whose claim lapsed (its handler ran longer than the timeout) cannot
 * release the claim another delivery has taken since. A recorded handler completion must be visible to every
 * {@link #completedHandlers} call that starts after {@link #completeHandler} returned, on any instance; recording it
 * (with its expiry) must be one atomic step, so that no completion is kept without expiry or dropped early.
 * <p>
 * <strong>Re-sent operations.</strong> Every operation must be safe to run more than once with the same arguments,
 * because a client may re-send a command whose answer was lost, and the dispatcher repeats an operation whose outcome
 * it does not know: a claim that finds the key claimed with its own claim id returns {@link ClaimResult#CLAIMED};
 * recording a completion again, completing again and releasing a claim that is gone change nothing more.
 * <p>
 * <strong>Failures.</strong> Storage failures are reported as {@link IdempotencyStoreException}, and the dispatcher
 * then fails closed: it answers 503, runs no further handler and never reports the delivery as processed. An
 * operation that failed may still have taken effect; the dispatcher remembers it and settles it (releases the claim,
 * records the completion, completes the key) as soon as the store answers again. A handler that completed but whose
 * completion could not be recorded runs again only if the redelivery reaches another instance before this one
 * settled it, so handlers must still be idempotent on their own side for that window.
 * <p>
 * <strong>Handler ids</strong> are opaque, stable strings (the dispatcher uses the bean name and the method
 * signature, e.g. {@code orderHandlers#onMessage(io.interactor.spring.webhook.RoomMessageData)}): they must be stored
 * as given and compared for equality only.
 *
 * @since 0.1.0
 */
public interface WebhookIdempotencyStore {

	/**
	 * Atomically claim a key for processing. A key that holds only handler completions (its last delivery failed or
	 * its claim lapsed) can be claimed, and so can a key that holds this very claim id (the claim was re-sent).
	 * @param key the idempotency key
	 * @param claimId identifies this claim (unique per delivery attempt)
	 * @return {@link ClaimResult#CLAIMED} if the caller now owns the key, else what state the key is in
	 * @throws IdempotencyStoreException if the store is unreachable
	 */
	ClaimResult claim(String key, String claimId);

	/**
	 * The handlers whose completion was recorded for a key and has not expired. Called by the owner of a claim, so
	 * no other delivery records completions for the key meanwhile (except one whose claim lapsed).
	 * @param key the idempotency key
	 * @return the ids passed to {@link #completeHandler}; empty when none
	 * @throws IdempotencyStoreException if the store is unreachable
	 */
	Set<String> completedHandlers(String key);

	/**
	 * Record that one handler completed for a key; the record is kept for the time-to-live of completed keys, counted
	 * from this call, and survives {@link #release}. It is recorded even when the caller's claim lapsed meanwhile: the
	 * handler ran all the same. It does not change the claim.
	 * @param key the idempotency key
	 * @param claimId the id the key was claimed with
	 * @param handlerId the stable id of the handler
	 * @throws IdempotencyStoreException if the store is unreachable; the completion may then be lost and the handler
	 * run again by a redelivery
	 */
	void completeHandler(String key, String claimId, String handlerId);

	/**
	 * Mark a key as processed; later claims return {@link ClaimResult#COMPLETED} until the time-to-live passes. This
	 * holds even when the caller's claim lapsed meanwhile: the delivery was processed all the same.
	 * @param key the idempotency key
	 * @param claimId the id the key was claimed with
	 * @throws IdempotencyStoreException if the store is unreachable
	 */
	void complete(String key, String claimId);

	/**
	 * Claim a key and, when it is claimed, read its completed handlers: {@link #claim} followed by
	 * {@link #completedHandlers}, which a store may do in one step. Like {@link #claim} it is safe to re-send: a key
	 * that holds this very claim id is claimed.
	 * @param key the idempotency key
	 * @param claimId identifies this claim (unique per delivery attempt)
	 * @return the outcome of the claim, with the completed handlers when {@link ClaimResult#CLAIMED}
	 * @throws IdempotencyStoreException if the store is unreachable; the key may then be claimed all the same, and
	 * the caller must {@link #release} it once the store answers again
	 * @since 0.1.0
	 */
	default Claim claimWithCompletedHandlers(String key, String claimId) {
		ClaimResult result = claim(key, claimId);
		return (result == ClaimResult.CLAIMED) ? Claim.claimed(completedHandlers(key)) : Claim.notClaimed(result);
	}

	/**
	 * Record the completion of the last handler that a delivery ran and mark the key as processed:
	 * {@link #completeHandler} followed by {@link #complete}, which a store may do in one step (once the key is
	 * completed, its handler completions are no longer read). Safe to re-send, and it holds even when the caller's
	 * claim lapsed meanwhile, like both of them.
	 * @param key the idempotency key
	 * @param claimId the id the key was claimed with
	 * @param handlerId the stable id of the handler that ran last
	 * @throws IdempotencyStoreException if the store is unreachable; either step may then be lost, and the caller
	 * must repeat both once the store answers again
	 * @since 0.1.0
	 */
	default void completeWithHandler(String key, String claimId, String handlerId) {
		completeHandler(key, claimId, handlerId);
		complete(key, claimId);
	}

	/**
	 * Give up a claim after processing failed, so a redelivery is processed; does nothing unless the key is still
	 * claimed with {@code claimId}. Recorded handler completions are kept.
	 * @param key the idempotency key
	 * @param claimId the id the key was claimed with
	 * @throws IdempotencyStoreException if the store is unreachable
	 */
	void release(String key, String claimId);

}
