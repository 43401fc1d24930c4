package io.interactor.spring.autoconfigure;

import java.lang.reflect.Method;

import io.interactor.spring.webhook.dispatch.UnresolvableWebhookParameterException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup failure caused by {@link UnresolvableWebhookParameterException}, naming the bean, the method and
 * the parameter, and listing what a handler parameter may be.
 */
class UnresolvableWebhookParameterFailureAnalyzer
		extends AbstractFailureAnalyzer<UnresolvableWebhookParameterException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnresolvableWebhookParameterException cause) {
		Method method = cause.getMethod();
		String description = "Parameter " + cause.getParameterIndex() + " of type " + cause.getParameterType()
				+ " of the @InteractorWebhook method " + method.getDeclaringClass().getName() + "." + method.getName()
				+ " (bean '" + cause.getBeanName() + "') cannot be resolved for a webhook delivery.";
		String action = """
				Declare the handler's parameters with types a webhook delivery provides:
				    WebhookEvent<T>             the envelope (id, type, timestamp, idempotency key, namespace, data)
				    a record, Map or JsonNode   the event's data, e.g. RoomMessageData or WorkflowInstanceData
				    HttpHeaders                 the delivery's headers
				    byte[] or String            the raw body
				or define a WebhookArgumentResolver bean that supports %s.""".formatted(cause.getParameterType());
		return new FailureAnalysis(description, action, cause);
	}

}
