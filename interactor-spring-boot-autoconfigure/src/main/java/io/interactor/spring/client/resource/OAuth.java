package io.interactor.spring.client.resource;

import io.interactor.spring.client.core.RequestOptions;

/**
 * OAuth connect flows ({@code /oauth}), blocking. The same operations as {@link ReactiveOAuth}.
 */
public final class OAuth {

	private final ReactiveOAuth reactive;

	public OAuth(ReactiveOAuth reactive) {
		this.reactive = reactive;
	}

	/**
	 * Start a connect flow.
	 * @param namespace the namespace the credential will belong to
	 * @param request the provider or service, scopes and redirect
	 * @param options per-call options
	 * @return the flow, with the URL to send the user to
	 */
	public OAuthFlow initiate(String namespace, InitiateOAuthRequest request, RequestOptions options) {
		return Blocking.require(this.reactive.initiate(namespace, request, options));
	}

	/**
	 * Start a connect flow.
	 * @param namespace the namespace the credential will belong to
	 * @param request the provider or service, scopes and redirect
	 * @return the flow, with the URL to send the user to
	 */
	public OAuthFlow initiate(String namespace, InitiateOAuthRequest request) {
		return initiate(namespace, request, RequestOptions.none());
	}

	/**
	 * Exchange the code your own callback received for a stored credential.
	 * @param namespace the namespace
	 * @param request provider, code and state
	 * @param options per-call options
	 * @return the stored credential
	 */
	public Credential complete(String namespace, CompleteOAuthRequest request, RequestOptions options) {
		return Blocking.require(this.reactive.complete(namespace, request, options));
	}

	/**
	 * Exchange the code your own callback received for a stored credential.
	 * @param namespace the namespace
	 * @param request provider, code and state
	 * @return the stored credential
	 */
	public Credential complete(String namespace, CompleteOAuthRequest request) {
		return complete(namespace, request, RequestOptions.none());
	}

	/**
	 * The status of a flow; a 404 reads as {@link OAuthFlowState#FINISHED_OR_UNKNOWN}.
	 * @param namespace the namespace
	 * @param flowId the flow id
	 * @return the status
	 */
	public OAuthFlowStatus status(String namespace, String flowId) {
		return Blocking.require(this.reactive.status(namespace, flowId));
	}

}
