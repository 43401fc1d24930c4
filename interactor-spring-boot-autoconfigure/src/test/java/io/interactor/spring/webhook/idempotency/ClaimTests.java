package io.interactor.spring.webhook.idempotency;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Claim}.
 */
class ClaimTests {

	@Test
	void aClaimWithoutCompletedHandlersIsOneSharedInstance() {
		Claim claim = Claim.claimed(Set.of());
		assertThat(claim.result()).isEqualTo(ClaimResult.CLAIMED);
		assertThat(claim.completedHandlers()).isEmpty();
		assertThat(Claim.claimed(new HashSet<>())).isSameAs(claim);
	}

	@Test
	void completedHandlersAreCopied() {
		Set<String> handlers = new HashSet<>(Set.of("a", "b"));
		Claim claim = Claim.claimed(handlers);
		handlers.add("c");
		assertThat(claim.completedHandlers()).containsExactlyInAnyOrder("a", "b");
	}

	@Test
	void onlyAClaimedKeyHasCompletedHandlers() {
		assertThat(Claim.notClaimed(ClaimResult.COMPLETED).completedHandlers()).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> new Claim(ClaimResult.IN_PROGRESS, Set.of("a")));
		assertThatIllegalArgumentException().isThrownBy(() -> Claim.notClaimed(ClaimResult.CLAIMED));
	}

}
