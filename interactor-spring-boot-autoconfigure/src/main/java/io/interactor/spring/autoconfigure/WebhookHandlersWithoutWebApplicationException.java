package io.interactor.spring.autoconfigure;

/**
 * Thrown when an application with {@link io.interactor.spring.webhook.InteractorWebhook @InteractorWebhook} handlers
 * has started but is not a web application: no endpoint could receive a delivery, and without a web server such an
 * application would just exit. The Interactor starter brings no web server of its own.
 *
 * @since 0.1.0
 */
public class WebhookHandlersWithoutWebApplicationException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final int handlerCount;

	/**
	 * Create the exception.
	 * @param handlerCount how many handler methods were found
	 */
	public WebhookHandlersWithoutWebApplicationException(int handlerCount) {
		super(handlerCount + " @InteractorWebhook handler method(s) found, but the application is not a web "
				+ "application, so no endpoint can receive webhook deliveries: add spring-boot-starter-webmvc or "
				+ "spring-boot-starter-webflux (or set interactor.webhook.enabled=false, or "
				+ "interactor.webhook.require-web-application=false to dispatch deliveries yourself)");
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
