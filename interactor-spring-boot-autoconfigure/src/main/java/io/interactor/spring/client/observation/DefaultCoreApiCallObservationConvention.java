package io.interactor.spring.client.observation;

import io.interactor.spring.client.observation.InteractorClientObservationDocumentation.HighCardinalityKeyNames;
import io.interactor.spring.client.observation.InteractorClientObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link CoreApiCallObservationConvention}: name {@code interactor.client.call}; low-cardinality
 * {@code method}, {@code endpoint}, {@code error.type} and {@code error.code} (both {@code none} on success);
 * high-cardinality {@code namespace}.
 *
 * @since 0.1.0
 */
public class DefaultCoreApiCallObservationConvention implements CoreApiCallObservationConvention {

	/** The observation name. */
	public static final String NAME = "interactor.client.call";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(CoreApiCallObservationContext context) {
		return "interactor " + context.getMethod() + " " + context.getEndpoint();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(CoreApiCallObservationContext context) {
		return KeyValues.of(LowCardinalityKeyNames.METHOD.withValue(context.getMethod()),
				LowCardinalityKeyNames.ENDPOINT.withValue(InteractorClientTags.endpoint(context.getEndpoint())),
				LowCardinalityKeyNames.ERROR_TYPE.withValue(InteractorClientTags.errorType(context.getError())),
				LowCardinalityKeyNames.ERROR_CODE.withValue(InteractorClientTags.errorCode(context.getError())));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(CoreApiCallObservationContext context) {
		String namespace = context.getNamespace();
		return (namespace != null) ? KeyValues.of(HighCardinalityKeyNames.NAMESPACE.withValue(namespace))
				: KeyValues.empty();
	}

}
