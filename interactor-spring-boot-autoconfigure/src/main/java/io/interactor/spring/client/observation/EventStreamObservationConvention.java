package io.interactor.spring.client.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of the {@code interactor.client.stream} observation; implement it (or extend
 * {@link DefaultEventStreamObservationConvention}) to customise them.
 *
 * @since 0.1.0
 */
public interface EventStreamObservationConvention extends ObservationConvention<EventStreamObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof EventStreamObservationContext;
	}

}
