package io.interactor.spring.client.observation;

import io.interactor.spring.client.observation.InteractorClientObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The default {@link TokenRequestObservationConvention}: name {@code interactor.client.token}; low-cardinality
 * {@code status} ({@code success} or {@code failure}) and {@code error.code}.
 *
 * @since 0.1.0
 */
public class DefaultTokenRequestObservationConvention implements TokenRequestObservationConvention {

	/** The observation name. */
	public static final String NAME = "interactor.client.token";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(TokenRequestObservationContext context) {
		return "interactor token";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(TokenRequestObservationContext context) {
		return KeyValues.of(
				LowCardinalityKeyNames.TOKEN_STATUS.withValue((context.getError() != null) ? "failure" : "success"),
				LowCardinalityKeyNames.ERROR_CODE.withValue(InteractorClientTags.errorCode(context.getError())));
	}

}
