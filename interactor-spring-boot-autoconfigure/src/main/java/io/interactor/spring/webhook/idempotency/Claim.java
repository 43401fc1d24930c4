package io.interactor.spring.webhook.idempotency;

import java.util.Set;

import org.springframework.util.Assert;

/**
 * Result of {@link WebhookIdempotencyStore#claimWithCompletedHandlers(String, String)}: the outcome of the claim and,
 * when the key was claimed, the handlers whose completion an earlier delivery of it recorded.
 *
 * @param result the outcome of the claim
 * @param completedHandlers the ids recorded by {@link WebhookIdempotencyStore#completeHandler}; always empty unless
 * {@code result} is {@link ClaimResult#CLAIMED}
 * @since 0.1.0
 */
public record Claim(ClaimResult result, Set<String> completedHandlers) {

	private static final Claim CLAIMED = new Claim(ClaimResult.CLAIMED, Set.of());

	private static final Claim IN_PROGRESS = new Claim(ClaimResult.IN_PROGRESS, Set.of());

	private static final Claim COMPLETED = new Claim(ClaimResult.COMPLETED, Set.of());

	/**
	 * Create a result; the handler ids are copied.
	 * @param result the outcome of the claim
	 * @param completedHandlers the completed handlers; must be empty unless {@code result} is
	 * {@link ClaimResult#CLAIMED}
	 */
	public Claim {
		Assert.notNull(result, "'result' must not be null");
		Assert.notNull(completedHandlers, "'completedHandlers' must not be null");
		Assert.isTrue(result == ClaimResult.CLAIMED || completedHandlers.isEmpty(),
				"'completedHandlers' must be empty unless the key was claimed");
		completedHandlers = Set.copyOf(completedHandlers);
	}

	/**
	 * A key that the caller now owns.
	 * @param completedHandlers the handlers an earlier delivery of the key completed; empty when none
	 * @return the result; a shared instance when no handler completed (the common case: no result is created per
	 * delivery)
	 */
	public static Claim claimed(Set<String> completedHandlers) {
		return completedHandlers.isEmpty() ? CLAIMED : new Claim(ClaimResult.CLAIMED, completedHandlers);
	}

	/**
	 * A key that the caller did not claim.
	 * @param result {@link ClaimResult#IN_PROGRESS} or {@link ClaimResult#COMPLETED}
	 * @return the result, without completed handlers
	 */
	public static Claim notClaimed(ClaimResult result) {
		Assert.isTrue(result != ClaimResult.CLAIMED, "'result' must not be CLAIMED");
		return (result == ClaimResult.COMPLETED) ? COMPLETED : IN_PROGRESS;
	}

}
