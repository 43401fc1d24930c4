package io.interactor.spring.autoconfigure;

import io.interactor.spring.webhook.MissingWebhookSecretException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup failure caused by {@link MissingWebhookSecretException}: handlers exist, but without a secret
 * no delivery could ever be verified.
 */
class MissingWebhookSecretFailureAnalyzer extends AbstractFailureAnalyzer<MissingWebhookSecretException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingWebhookSecretException cause) {
		int count = cause.getHandlerCount();
		String description = count + " @InteractorWebhook handler method" + ((count == 1) ? " was" : "s were")
				+ " found, but no webhook signing secret is configured, so no delivery could be verified.";
		String action = """
				Set the signing secret of your Interactor webhook (returned when the webhook is created or its secret \
				is rotated), for example with the environment variable
				    INTERACTOR_WEBHOOK_SECRET=<webhook secret>
				or the property interactor.webhook.secret. While rotating, keep the old secret in \
				INTERACTOR_WEBHOOK_SECRET_PREVIOUS (interactor.webhook.previous-secrets). An application that does not \
				receive webhooks can turn the endpoint off with interactor.webhook.enabled=false.""";
		return new FailureAnalysis(description, action, cause);
	}

}
