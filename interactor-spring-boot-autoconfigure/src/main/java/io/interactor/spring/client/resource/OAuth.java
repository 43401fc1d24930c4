package io.interactor.spring.client.resource;

import io.interactor.spring.client.core.RequestOptions;

/**
 * OAuth connect flows ({@code /oauth}), blocking: the methods of {@link ReactiveOAuth}, documented there; the
 * {@linkplain io.interactor.spring.client.resource package documentation} says how a blocking method differs.
 *
 * @since 0.1.0
 */
public final class OAuth {

	private final ReactiveOAuth reactive;

	public OAuth(ReactiveOAuth reactive) {
		this.reactive = reactive;
	}

	/**
	 * Blocking {@link ReactiveOAuth#initiate(String, InitiateOAuthRequest, RequestOptions)}.
	 */
	public OAuthFlow initiate(String namespace, InitiateOAuthRequest request, RequestOptions options) {
		return Blocking.require(this.reactive.initiate(namespace, request, options));
	}

	/**
	 * Blocking {@link ReactiveOAuth#initiate(String, InitiateOAuthRequest)}.
	 */
	public OAuthFlow initiate(String namespace, InitiateOAuthRequest request) {
		return initiate(namespace, request, RequestOptions.none());
	}

	/**
	 * Blocking {@link ReactiveOAuth#complete(String, CompleteOAuthRequest, RequestOptions)}.
	 */
	public Credential complete(String namespace, CompleteOAuthRequest request, RequestOptions options) {
		return Blocking.require(this.reactive.complete(namespace, request, options));
	}

	/**
	 * Blocking {@link ReactiveOAuth#complete(String, CompleteOAuthRequest)}.
	 */
	public Credential complete(String namespace, CompleteOAuthRequest request) {
		return complete(namespace, request, RequestOptions.none());
	}

	/**
	 * Blocking {@link ReactiveOAuth#status(String, String)}.
	 */
	public OAuthFlowStatus status(String namespace, String flowId) {
		return Blocking.require(this.reactive.status(namespace, flowId));
	}

}
