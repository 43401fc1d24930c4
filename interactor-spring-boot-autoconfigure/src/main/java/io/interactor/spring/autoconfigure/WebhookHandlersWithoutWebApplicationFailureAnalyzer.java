package io.interactor.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup failure caused by {@link WebhookHandlersWithoutWebApplicationException}: which web starter to
 * add, and how to run the handlers without a web server on purpose.
 */
class WebhookHandlersWithoutWebApplicationFailureAnalyzer
		extends AbstractFailureAnalyzer<WebhookHandlersWithoutWebApplicationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, WebhookHandlersWithoutWebApplicationException cause) {
		int count = cause.getHandlerCount();
		String description = count + " @InteractorWebhook handler method" + ((count == 1) ? " was" : "s were")
				+ " found, but the application is not a web application, so no endpoint can receive webhook "
				+ "deliveries (the Interactor starter brings no web server).";
		String action = """
				Add a web server to the application, one of
				    spring-boot-starter-webmvc    (servlet: Tomcat by default)
				    spring-boot-starter-webflux   (reactive: Reactor Netty by default)
				and do not set spring.main.web-application-type=none. An application that does not receive webhooks \
				can turn the pipeline off with interactor.webhook.enabled=false. To dispatch deliveries yourself \
				through the WebhookDispatcher bean (from a queue, or in a test without a web environment), set \
				interactor.webhook.require-web-application=false.""";
		return new FailureAnalysis(description, action, cause);
	}

}
