package io.interactor.spring.webhook.dispatch;

import java.lang.reflect.Method;

import org.springframework.core.MethodParameter;

/**
 * Thrown at startup for an {@link io.interactor.spring.webhook.InteractorWebhook} method with a parameter that no
 * {@link WebhookArgumentResolver} supports. The message names the bean, the method and the parameter.
 *
 * @since 0.1.0
 */
public class UnresolvableWebhookParameterException extends InvalidWebhookHandlerException {

	private static final long serialVersionUID = 1L;

	private final int parameterIndex;

	private final String parameterType;

	/**
	 * Create the exception.
	 * @param beanName the bean declaring the handler
	 * @param method the handler method
	 * @param parameter the parameter nobody resolves
	 */
	public UnresolvableWebhookParameterException(String beanName, Method method, MethodParameter parameter) {
		super(beanName, method,
				"no WebhookArgumentResolver supports parameter " + parameter.getParameterIndex() + " of type "
						+ parameter.getGenericParameterType().getTypeName() + "; supported are WebhookEvent<T>, a "
						+ "payload record, Map or JsonNode for the event data, HttpHeaders, byte[] or String for the "
						+ "raw body, or a type handled by a WebhookArgumentResolver bean");
		this.parameterIndex = parameter.getParameterIndex();
		this.parameterType = parameter.getGenericParameterType().getTypeName();
	}

	/**
	 * The position of the parameter, from 0.
	 * @return the index
	 */
	public int getParameterIndex() {
		return this.parameterIndex;
	}

	/**
	 * The declared type of the parameter, with generics.
	 * @return the type name
	 */
	public String getParameterType() {
		return this.parameterType;
	}

}
