package io.interactor.spring.client.resource;

import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.error.InteractorNotFoundException;
import io.interactor.spring.client.http.ApiRequest;
import io.interactor.spring.client.http.CoreApiClient;
import reactor.core.publisher.Mono;

/**
 * OAuth connect flows ({@code /oauth}), reactive: start a flow, complete it with a code your callback received,
 * or poll its status.
 *
 * @since 0.1.0
 */
public final class ReactiveOAuth {

	private final CoreApiClient api;

	public ReactiveOAuth(CoreApiClient api) {
		this.api = api;
	}

	/**
	 * Start a connect flow.
	 * @param namespace the namespace the credential will belong to
	 * @param request the provider or service, scopes and redirect
	 * @param options per-call options
	 * @return the flow, with the URL to send the user to
	 */
	public Mono<OAuthFlow> initiate(String namespace, InitiateOAuthRequest request, RequestOptions options) {
		return this.api.retrieve(ApiRequest.post(namespace, "/oauth/initiate").body(request).options(options),
				OAuthFlow.class);
	}

	/**
	 * Start a connect flow.
	 * @param namespace the namespace the credential will belong to
	 * @param request the provider or service, scopes and redirect
	 * @return the flow, with the URL to send the user to
	 */
	public Mono<OAuthFlow> initiate(String namespace, InitiateOAuthRequest request) {
		return initiate(namespace, request, RequestOptions.none());
	}

	/**
	 * Exchange the code your own callback received for a stored credential.
	 * @param namespace the namespace
	 * @param request provider, code and state
	 * @param options per-call options
	 * @return the stored credential
	 */
	public Mono<Credential> complete(String namespace, CompleteOAuthRequest request, RequestOptions options) {
		return this.api.retrieve(ApiRequest.post(namespace, "/oauth/callback").body(request).options(options),
				Credential.class);
	}

	/**
	 * Exchange the code your own callback received for a stored credential.
	 * @param namespace the namespace
	 * @param request provider, code and state
	 * @return the stored credential
	 */
	public Mono<Credential> complete(String namespace, CompleteOAuthRequest request) {
		return complete(namespace, request, RequestOptions.none());
	}

	/**
	 * The status of a flow. A 404 is not an error here: newer platform versions forget a flow once it finishes,
	 * so it is reported as {@link OAuthFlowState#FINISHED_OR_UNKNOWN}.
	 * @param namespace the namespace
	 * @param flowId the flow id
	 * @return the status
	 */
	public Mono<OAuthFlowStatus> status(String namespace, String flowId) {
		return this.api.retrieve(ApiRequest.get(namespace, "/oauth/status/{flowId}", flowId), OAuthFlowStatus.class)
			.onErrorResume(InteractorNotFoundException.class,
					(ex) -> Mono.just(OAuthFlowStatus.finishedOrUnknown(flowId)));
	}

}
