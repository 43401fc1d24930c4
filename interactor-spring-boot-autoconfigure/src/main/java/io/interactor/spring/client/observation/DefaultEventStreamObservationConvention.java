package io.interactor.spring.client.observation;

import io.interactor.spring.client.observation.InteractorClientObservationDocumentation.HighCardinalityKeyNames;
import io.interactor.spring.client.observation.InteractorClientObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link EventStreamObservationConvention}: name {@code interactor.client.stream}; low-cardinality
 * {@code type} ({@code room}, {@code workflow} or {@code other}), {@code reason} ({@code none} while open),
 * {@code error.type} and {@code error.code}; high-cardinality {@code namespace}.
 *
 * @since 0.1.0
 */
public class DefaultEventStreamObservationConvention implements EventStreamObservationConvention {

	/** The observation name. */
	public static final String NAME = "interactor.client.stream";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(EventStreamObservationContext context) {
		return "interactor stream " + InteractorClientTags.streamType(context.getEndpoint());
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(EventStreamObservationContext context) {
		String reason = context.getReason();
		return KeyValues.of(
				LowCardinalityKeyNames.STREAM_TYPE.withValue(InteractorClientTags.streamType(context.getEndpoint())),
				LowCardinalityKeyNames.REASON.withValue((reason != null) ? reason : InteractorClientTags.NONE),
				LowCardinalityKeyNames.ERROR_TYPE.withValue(InteractorClientTags.errorType(context.getError())),
				LowCardinalityKeyNames.ERROR_CODE.withValue(InteractorClientTags.errorCode(context.getError())));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(EventStreamObservationContext context) {
		String namespace = context.getNamespace();
		return (namespace != null) ? KeyValues.of(HighCardinalityKeyNames.NAMESPACE.withValue(namespace))
				: KeyValues.empty();
	}

}
