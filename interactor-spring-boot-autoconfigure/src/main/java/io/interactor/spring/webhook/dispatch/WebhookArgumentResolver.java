package io.interactor.spring.webhook.dispatch;

import io.interactor.spring.webhook.WebhookEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.core.MethodParameter;

/**
 * Resolves a parameter of an {@link io.interactor.spring.webhook.InteractorWebhook} method from a delivery.
 * Application beans of this type are consulted in {@code @Order} before the built-in resolvers, so they can also
 * replace how a built-in type is resolved.
 * <p>
 * {@link #supportsParameter} is called once per parameter at startup; {@link #resolveArgument} for every delivery,
 * before the delivery's idempotency key is claimed. An exception thrown while resolving makes the delivery fail with
 * 400 ({@code invalid_payload}) and no handler runs.
 *
 * @since 0.1.0
 */
public interface WebhookArgumentResolver {

	/**
	 * Whether this resolver provides values for the parameter.
	 * @param parameter the handler method parameter
	 * @return {@code true} to resolve it
	 */
	boolean supportsParameter(MethodParameter parameter);

	/**
	 * Resolve the argument for one delivery.
	 * @param parameter the handler method parameter
	 * @param event the verified delivery, with its data as JSON
	 * @return the argument, may be {@code null}
	 * @throws Exception if the argument cannot be produced from this delivery
	 */
	@Nullable Object resolveArgument(MethodParameter parameter, WebhookEvent<JsonNode> event) throws Exception;

}
