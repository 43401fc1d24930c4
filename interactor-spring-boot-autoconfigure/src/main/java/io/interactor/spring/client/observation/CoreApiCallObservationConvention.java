package io.interactor.spring.client.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of the {@code interactor.client.call} observation; implement it (or extend
 * {@link DefaultCoreApiCallObservationConvention}) to customise them.
 *
 * @since 0.1.0
 */
public interface CoreApiCallObservationConvention extends ObservationConvention<CoreApiCallObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof CoreApiCallObservationContext;
	}

}
