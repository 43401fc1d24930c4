package io.interactor.spring.webhook;

/**
 * Thrown at startup when {@link InteractorWebhook} handlers exist but no webhook secret is configured, so no delivery
 * could ever be verified.
 *
 * @since 0.1.0
 */
public class MissingWebhookSecretException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final int handlerCount;

	/**
	 * Create the exception.
	 * @param handlerCount how many handler methods were found
	 */
	public MissingWebhookSecretException(int handlerCount) {
		super(handlerCount + " @InteractorWebhook handler method(s) found but no webhook secret is configured: set the "
				+ "property 'interactor.webhook.secret' or the environment variable 'INTERACTOR_WEBHOOK_SECRET' "
				+ "(or disable the endpoint with 'interactor.webhook.enabled=false')");
		this.handlerCount = handlerCount;
	}

	/**
	 * How many handler methods were found.
	 * @return the count
	 */
	public int getHandlerCount() {
		return this.handlerCount;
	}

}
