package io.interactor.spring.webhook.web;

import java.io.IOException;

import io.interactor.spring.webhook.dispatch.WebhookBody;
import io.interactor.spring.webhook.dispatch.WebhookDispatcher;
import io.interactor.spring.webhook.dispatch.WebhookOutcome;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The webhook endpoint for servlet (Spring MVC) applications: reads the raw body into a {@link WebhookBody} of the
 * dispatcher, which holds it to the dispatcher's cap (a larger declared {@code Content-Length} is refused before
 * reading, a longer stream is read no further than one byte past the cap), and maps the {@link WebhookOutcome} to
 * the response. The route only matches while handlers are registered.
 *
 * @since 0.1.0
 */
public final class WebhookServletEndpoint {

	private final String path;

	private final WebhookDispatcher dispatcher;

	/**
	 * Create the endpoint.
	 * @param path the path to serve {@code POST} requests at
	 * @param dispatcher the dispatcher
	 */
	public WebhookServletEndpoint(String path, WebhookDispatcher dispatcher) {
		this.path = path;
		this.dispatcher = dispatcher;
	}

	/**
	 * The router function to register as a bean.
	 * @return the router function
	 */
	public RouterFunction<ServerResponse> routerFunction() {
		return RouterFunctions.route(RequestPredicates.POST(this.path).and((request) -> this.dispatcher.hasHandlers()),
				this::handle);
	}

	ServerResponse handle(ServerRequest request) throws IOException {
		HttpServletRequest servletRequest = request.servletRequest();
		WebhookBody body = this.dispatcher.newBody(servletRequest.getContentLengthLong());
		if (!body.isTooLarge()) {
			body.readFrom(servletRequest.getInputStream());
		}
		return new WebhookServletResponse(this.dispatcher.dispatch(request.headers().asHttpHeaders(), body));
	}

}
