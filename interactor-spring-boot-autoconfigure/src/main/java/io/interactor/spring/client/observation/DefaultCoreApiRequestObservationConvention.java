package io.interactor.spring.client.observation;

import io.interactor.spring.client.observation.InteractorClientObservationDocumentation.HighCardinalityKeyNames;
import io.interactor.spring.client.observation.InteractorClientObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link CoreApiRequestObservationConvention}: name {@code interactor.client.request}; low-cardinality
 * {@code method}, {@code endpoint}, {@code status} (the code, {@code IO_ERROR} or {@code CANCELLED}) and
 * {@code outcome}; high-cardinality {@code namespace}.
 *
 * @since 0.1.0
 */
public class DefaultCoreApiRequestObservationConvention implements CoreApiRequestObservationConvention {

	/** The observation name. */
	public static final String NAME = "interactor.client.request";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(CoreApiRequestObservationContext context) {
		return "interactor attempt " + context.getMethod() + " " + InteractorClientTags.endpoint(context.getEndpoint());
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(CoreApiRequestObservationContext context) {
		return KeyValues.of(LowCardinalityKeyNames.METHOD.withValue(context.getMethod()),
				LowCardinalityKeyNames.ENDPOINT.withValue(InteractorClientTags.endpoint(context.getEndpoint())),
				LowCardinalityKeyNames.STATUS
					.withValue(InteractorClientTags.status(context.getStatusCode(), context.isCancelled())),
				LowCardinalityKeyNames.OUTCOME.withValue(InteractorClientTags.outcome(context.getStatusCode())));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(CoreApiRequestObservationContext context) {
		String namespace = context.getNamespace();
		return (namespace != null) ? KeyValues.of(HighCardinalityKeyNames.NAMESPACE.withValue(namespace))
				: KeyValues.empty();
	}

}
