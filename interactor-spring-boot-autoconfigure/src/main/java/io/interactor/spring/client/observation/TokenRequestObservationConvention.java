package io.interactor.spring.client.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of the {@code interactor.client.token} observation; implement it (or extend
 * {@link DefaultTokenRequestObservationConvention}) to customise them.
 *
 * @since 0.1.0
 */
public interface TokenRequestObservationConvention extends ObservationConvention<TokenRequestObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof TokenRequestObservationContext;
	}

}
