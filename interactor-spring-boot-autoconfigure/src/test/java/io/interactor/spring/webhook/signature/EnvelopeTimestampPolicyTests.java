package io.interactor.spring.webhook.signature;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The envelope timestamp a body-only signature needs: present, readable, not in the future beyond the tolerance,
 * and young enough for the idempotency store to still recognise a replay.
 */
class EnvelopeTimestampPolicyTests {

	private static final Instant NOW = Instant.parse("2024-01-20T12:00:00Z");

	private static final Duration TTL = Duration.ofDays(7);

	private static final Duration TOLERANCE = Duration.ofMinutes(5);

	private final EnvelopeTimestampPolicy policy = new EnvelopeTimestampPolicy(TTL, TOLERANCE);

	private VerificationFailure check(Instant createdAt) {
		return this.policy.check(createdAt.toString(), NOW);
	}

	@Test
	void maxAgeIsTheTtlLessTheTolerance() {
		// A sender clock ahead by up to the tolerance makes an envelope look younger than it is; the store's key
		// was written when the delivery was processed, so it lives at least until the real event time + TTL.
		assertThat(this.policy.getMaxAge()).isEqualTo(Duration.ofDays(7).minusMinutes(5));
		assertThat(this.policy.getTolerance()).isEqualTo(TOLERANCE);
	}

	@Test
	void missingOrBlankTimestampIsRejected() {
		assertThat(this.policy.check(null, NOW)).isEqualTo(VerificationFailure.MISSING_ENVELOPE_TIMESTAMP);
		assertThat(this.policy.check(" ", NOW)).isEqualTo(VerificationFailure.MISSING_ENVELOPE_TIMESTAMP);
	}

	@Test
	void unreadableTimestampIsRejected() {
		assertThat(this.policy.check("yesterday", NOW)).isEqualTo(VerificationFailure.MALFORMED_ENVELOPE_TIMESTAMP);
		assertThat(this.policy.check("2024-01-20 12:00", NOW))
			.isEqualTo(VerificationFailure.MALFORMED_ENVELOPE_TIMESTAMP);
		assertThat(this.policy.check("1.7E9", NOW)).isEqualTo(VerificationFailure.MALFORMED_ENVELOPE_TIMESTAMP);
		assertThat(this.policy.check("-1705752000", NOW)).isEqualTo(VerificationFailure.MALFORMED_ENVELOPE_TIMESTAMP);
	}

	@Test
	void theFormsOfTheHeaderAreAccepted() {
		Instant oneHourAgo = NOW.minus(Duration.ofHours(1));
		assertThat(this.policy.check(Long.toString(oneHourAgo.getEpochSecond()), NOW)).isNull();
		assertThat(this.policy.check(Long.toString(oneHourAgo.toEpochMilli()), NOW)).isNull();
		assertThat(this.policy.check(oneHourAgo.toString(), NOW)).isNull();
		assertThat(this.policy.check("2024-01-20T13:00:00+02:00", NOW)).isNull();
		// the same forms, too old
		Instant eightDaysAgo = NOW.minus(Duration.ofDays(8));
		assertThat(this.policy.check(Long.toString(eightDaysAgo.getEpochSecond()), NOW))
			.isEqualTo(VerificationFailure.STALE_ENVELOPE_TIMESTAMP);
		assertThat(this.policy.check(Long.toString(eightDaysAgo.toEpochMilli()), NOW))
			.isEqualTo(VerificationFailure.STALE_ENVELOPE_TIMESTAMP);
	}

	@Test
	void exactlyTheMaxAgeIsAcceptedAndOneMillisecondMoreIsStale() {
		Instant oldest = NOW.minus(this.policy.getMaxAge());
		assertThat(check(oldest)).isNull();
		assertThat(check(oldest.minusMillis(1))).isEqualTo(VerificationFailure.STALE_ENVELOPE_TIMESTAMP);
		assertThat(check(NOW.minus(TTL))).isEqualTo(VerificationFailure.STALE_ENVELOPE_TIMESTAMP);
	}

	@Test
	void futureBeyondTheToleranceIsRejected() {
		assertThat(check(NOW.plus(TOLERANCE))).isNull();
		assertThat(check(NOW.plus(TOLERANCE).plusMillis(1))).isEqualTo(VerificationFailure.FUTURE_ENVELOPE_TIMESTAMP);
		assertThat(check(NOW.plus(Duration.ofDays(1)))).isEqualTo(VerificationFailure.FUTURE_ENVELOPE_TIMESTAMP);
	}

	@Test
	void ttlWithinTheToleranceLeavesNoAcceptedPast() {
		EnvelopeTimestampPolicy tight = new EnvelopeTimestampPolicy(Duration.ofMinutes(1), TOLERANCE);
		assertThat(tight.getMaxAge()).isZero();
		assertThat(tight.check(NOW.toString(), NOW)).isNull();
		assertThat(tight.check(NOW.minusSeconds(1).toString(), NOW))
			.isEqualTo(VerificationFailure.STALE_ENVELOPE_TIMESTAMP);
	}

	@Test
	void everyFailureIsReportedAsInvalidTimestamp() {
		for (VerificationFailure failure : new VerificationFailure[] { VerificationFailure.MISSING_ENVELOPE_TIMESTAMP,
				VerificationFailure.MALFORMED_ENVELOPE_TIMESTAMP, VerificationFailure.STALE_ENVELOPE_TIMESTAMP,
				VerificationFailure.FUTURE_ENVELOPE_TIMESTAMP }) {
			assertThat(failure.errorCode()).isEqualTo("invalid_timestamp");
		}
	}

	@Test
	void durationsAreValidated() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EnvelopeTimestampPolicy(Duration.ZERO, TOLERANCE));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EnvelopeTimestampPolicy(TTL, Duration.ofSeconds(-1)));
	}

}
