package io.interactor.spring.client.resource;

import java.util.stream.Stream;

import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.core.Page;
import io.interactor.spring.client.core.Paging;
import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.http.ApiRequest;

/**
 * Credentials ({@code /credentials}), blocking. The same operations as {@link ReactiveCredentials}.
 */
public final class Credentials {

	private final ReactiveCredentials reactive;

	public Credentials(ReactiveCredentials reactive) {
		this.reactive = reactive;
	}

	/**
	 * List the first page of credentials.
	 * @param namespace the namespace
	 * @return the page
	 */
	public Page<Credential> list(String namespace) {
		return list(namespace, CredentialFilter.none(), ListParams.defaults());
	}

	/**
	 * List one page of credentials.
	 * @param namespace the namespace
	 * @param filter provider and status filters
	 * @param params the page to fetch
	 * @return the page
	 */
	public Page<Credential> list(String namespace, CredentialFilter filter, ListParams params) {
		return Blocking.require(this.reactive.list(namespace, filter, params));
	}

	/**
	 * Every credential; a page is fetched when the stream reaches it.
	 * @param namespace the namespace
	 * @return the credentials
	 */
	public Stream<Credential> listAll(String namespace) {
		return listAll(namespace, CredentialFilter.none(), ListParams.defaults());
	}

	/**
	 * Every matching credential from a given page on; a page is fetched when the stream reaches it.
	 * @param namespace the namespace
	 * @param filter provider and status filters
	 * @param params the first page and the page size
	 * @return the credentials
	 */
	public Stream<Credential> listAll(String namespace, CredentialFilter filter, ListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.stream(params.pageOrFirst(), (page) -> list(namespace, filter, params.withPage(page)));
	}

	/**
	 * Get a credential.
	 * @param namespace the namespace
	 * @param credentialId the credential id
	 * @return the credential
	 * @throws io.interactor.spring.client.error.InteractorNotFoundException if there is none
	 */
	public Credential get(String namespace, String credentialId) {
		return Blocking.require(this.reactive.get(namespace, credentialId));
	}

	/**
	 * Get the provider access token of a credential.
	 * @param namespace the namespace
	 * @param credentialId the credential id
	 * @return the token
	 */
	public CredentialToken token(String namespace, String credentialId) {
		return Blocking.require(this.reactive.token(namespace, credentialId));
	}

	/**
	 * Force a refresh of the provider token.
	 * @param namespace the namespace
	 * @param credentialId the credential id
	 * @param options per-call options
	 * @return the credential (or the platform's acknowledgement)
	 */
	public Credential refresh(String namespace, String credentialId, RequestOptions options) {
		return Blocking.require(this.reactive.refresh(namespace, credentialId, options));
	}

	/**
	 * Force a refresh of the provider token.
	 * @param namespace the namespace
	 * @param credentialId the credential id
	 * @return the credential (or the platform's acknowledgement)
	 */
	public Credential refresh(String namespace, String credentialId) {
		return refresh(namespace, credentialId, RequestOptions.none());
	}

	/**
	 * Revoke a credential.
	 * @param namespace the namespace
	 * @param credentialId the credential id
	 */
	public void revoke(String namespace, String credentialId) {
		this.reactive.revoke(namespace, credentialId).block();
	}

}
