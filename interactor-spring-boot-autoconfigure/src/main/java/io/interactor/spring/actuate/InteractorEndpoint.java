package io.interactor.spring.actuate;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.interactor.spring.webhook.dispatch.WebhookHandlerMethod;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code interactor} actuator endpoint ({@code GET /actuator/interactor} once exposed): the client's environment
 * and base URLs, and the webhook path, handlers (event pattern to {@code bean#method}), idempotency store type and
 * outcome counts since start. Never a secret, a token or payload content.
 *
 * @since 0.1.0
 */
@Endpoint(id = "interactor")
public class InteractorEndpoint {

	private final Supplier<ClientDescriptor> client;

	private final @Nullable WebhookComponents webhooks;

	/**
	 * Create the endpoint.
	 * @param client describes the client, asked on every read
	 * @param webhooks the webhook pipeline, or {@code null} when webhooks are disabled
	 */
	public InteractorEndpoint(Supplier<ClientDescriptor> client, @Nullable WebhookComponents webhooks) {
		this.client = client;
		this.webhooks = webhooks;
	}

	/**
	 * Describe the Interactor integration.
	 * @return the description
	 */
	@ReadOperation
	public InteractorDescriptor interactor() {
		return new InteractorDescriptor(this.client.get(), (this.webhooks != null) ? describe(this.webhooks) : null);
	}

	private static WebhooksDescriptor describe(WebhookComponents webhooks) {
		List<WebhookHandlerMethod> handlers = new ArrayList<>(webhooks.registry().getHandlers());
		handlers.sort(Comparator.comparingInt(WebhookHandlerMethod::getOrder));
		Map<String, List<String>> byPattern = new TreeMap<>();
		for (WebhookHandlerMethod handler : handlers) {
			String target = handler.getBeanName() + "#" + handler.getMethod().getName();
			for (String pattern : handler.getEventTypes()) {
				byPattern.computeIfAbsent(pattern, (key) -> new ArrayList<>()).add(target);
			}
		}
		return new WebhooksDescriptor(webhooks.path(), webhooks.verifier().hasSecrets(), webhooks.storeType(),
				byPattern, webhooks.outcomeCounts().snapshot());
	}

	/**
	 * Strip what a base URL must not reveal: user info, query and fragment.
	 * @param url a configured base URL
	 * @return the URL without user info, query and fragment, or {@code "<invalid>"}
	 */
	static String safeUrl(String url) {
		try {
			URI uri = new URI(url);
			return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
		}
		catch (URISyntaxException | RuntimeException ex) {
			return "<invalid>";
		}
	}

	/**
	 * The endpoint's response.
	 *
	 * @param client the client
	 * @param webhooks the webhook pipeline, {@code null} when webhooks are disabled
	 */
	public record InteractorDescriptor(ClientDescriptor client,
			@Nullable WebhooksDescriptor webhooks) implements OperationResponseBody {

	}

	/**
	 * The client.
	 *
	 * @param configured whether credentials or an {@code AccessTokenProvider} are configured
	 * @param environment the environment preset ({@code production}, {@code sandbox})
	 * @param accountServerUrl the Account Server base URL in use, without user info, query or fragment
	 * @param coreApiUrl the Core API base URL in use, without user info, query or fragment
	 */
	public record ClientDescriptor(boolean configured, String environment, String accountServerUrl,
			String coreApiUrl) {

		public ClientDescriptor {
			// A URL may carry credentials (https://user:password@host); they must not reach the endpoint.
			accountServerUrl = safeUrl(accountServerUrl);
			coreApiUrl = safeUrl(coreApiUrl);
		}

	}

	/**
	 * The webhook pipeline.
	 *
	 * @param path the endpoint path
	 * @param secretConfigured whether a secret is configured (never the secret)
	 * @param idempotencyStore {@code memory}, {@code redis} or the class of a custom store
	 * @param handlers event type or pattern to the {@code bean#method} handlers, in order
	 * @param outcomes how many deliveries ended with each result since start
	 */
	public record WebhooksDescriptor(String path, boolean secretConfigured, String idempotencyStore,
			Map<String, List<String>> handlers, Map<String, Long> outcomes) {

	}

}
