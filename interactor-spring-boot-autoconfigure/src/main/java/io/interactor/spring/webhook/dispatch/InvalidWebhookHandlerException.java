package io.interactor.spring.webhook.dispatch;

import java.lang.reflect.Method;

/**
 * Thrown at startup for an {@link io.interactor.spring.webhook.InteractorWebhook} method that cannot be used: a
 * parameter no resolver supports, an unsupported return type, no event types, or a method a proxy cannot invoke. The
 * message names the bean and the method.
 *
 * @since 0.1.0
 */
public class InvalidWebhookHandlerException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String beanName;

	private final transient Method method;

	/**
	 * Create the exception.
	 * @param beanName the bean declaring the handler
	 * @param method the handler method
	 * @param reason what is wrong
	 */
	public InvalidWebhookHandlerException(String beanName, Method method, String reason) {
		super("Invalid @InteractorWebhook method " + method.getDeclaringClass().getName() + "." + method.getName()
				+ " of bean '" + beanName + "': " + reason);
		this.beanName = beanName;
		this.method = method;
	}

	/**
	 * The name of the bean declaring the handler.
	 * @return the bean name
	 */
	public String getBeanName() {
		return this.beanName;
	}

	/**
	 * The handler method.
	 * @return the method
	 */
	public Method getMethod() {
		return this.method;
	}

}
