package io.interactor.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup failure caused by {@link MissingInteractorCredentialsException}.
 */
class MissingInteractorCredentialsFailureAnalyzer extends AbstractFailureAnalyzer<MissingInteractorCredentialsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingInteractorCredentialsException cause) {
		String description = "The Interactor client was injected, but " + String.join(" and ",
				cause.getMissingProperties()) + (cause.getMissingProperties().size() > 1 ? " are" : " is")
				+ " not set.";
		String action = """
				Set the client credentials of your Interactor application, for example with the environment variables
				    INTERACTOR_CLIENT_ID=<client id>
				    INTERACTOR_CLIENT_SECRET=<client secret>
				or the properties interactor.client-id and interactor.client-secret, or define an \
				InteractorConnectionDetails bean that supplies them, or an AccessTokenProvider bean. An application that only receives webhooks needs no credentials: do not inject InteractorClient \
				or ReactiveInteractorClient there.""";
		return new FailureAnalysis(description, action, cause);
	}

}
