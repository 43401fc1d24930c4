package io.interactor.spring.client.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of the {@code interactor.client.request} observation; implement it (or extend
 * {@link DefaultCoreApiRequestObservationConvention}) to customise them.
 *
 * @since 0.1.0
 */
public interface CoreApiRequestObservationConvention extends ObservationConvention<CoreApiRequestObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof CoreApiRequestObservationContext;
	}

}
