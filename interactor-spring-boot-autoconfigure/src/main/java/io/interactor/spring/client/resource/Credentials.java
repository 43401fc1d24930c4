package io.interactor.spring.client.resource;

import java.util.stream.Stream;

import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.core.Page;
import io.interactor.spring.client.core.Paging;
import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.http.ApiRequest;

/**
 * Credentials ({@code /credentials}), blocking: the methods of {@link ReactiveCredentials}, documented there; the
 * {@linkplain io.interactor.spring.client.resource package documentation} says how a blocking method differs.
 *
 * @since 0.1.0
 */
public final class Credentials {

	private final ReactiveCredentials reactive;

	public Credentials(ReactiveCredentials reactive) {
		this.reactive = reactive;
	}

	/**
	 * Blocking {@link ReactiveCredentials#list(String)}.
	 */
	public Page<Credential> list(String namespace) {
		return list(namespace, CredentialFilter.none(), ListParams.defaults());
	}

	/**
	 * Blocking {@link ReactiveCredentials#list(String, CredentialFilter, ListParams)}.
	 */
	public Page<Credential> list(String namespace, CredentialFilter filter, ListParams params) {
		return Blocking.require(this.reactive.list(namespace, filter, params));
	}

	/**
	 * Blocking {@link ReactiveCredentials#listAll(String)}.
	 * @return a lazy stream: a page is fetched when the stream reaches it
	 */
	public Stream<Credential> listAll(String namespace) {
		return listAll(namespace, CredentialFilter.none(), ListParams.defaults());
	}

	/**
	 * Blocking {@link ReactiveCredentials#listAll(String, CredentialFilter, ListParams)}.
	 * @return a lazy stream: a page is fetched when the stream reaches it
	 */
	public Stream<Credential> listAll(String namespace, CredentialFilter filter, ListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.stream(params.pageOrFirst(), (page) -> list(namespace, filter, params.withPage(page)));
	}

	/**
	 * Blocking {@link ReactiveCredentials#get(String, String)}.
	 * @throws io.interactor.spring.client.error.InteractorNotFoundException if there is none
	 */
	public Credential get(String namespace, String credentialId) {
		return Blocking.require(this.reactive.get(namespace, credentialId));
	}

	/**
	 * Blocking {@link ReactiveCredentials#token(String, String)}.
	 */
	public CredentialToken token(String namespace, String credentialId) {
		return Blocking.require(this.reactive.token(namespace, credentialId));
	}

	/**
	 * Blocking {@link ReactiveCredentials#refresh(String, String, RequestOptions)}.
	 */
	public Credential refresh(String namespace, String credentialId, RequestOptions options) {
		return Blocking.require(this.reactive.refresh(namespace, credentialId, options));
	}

	/**
	 * Blocking {@link ReactiveCredentials#refresh(String, String)}.
	 */
	public Credential refresh(String namespace, String credentialId) {
		return refresh(namespace, credentialId, RequestOptions.none());
	}

	/**
	 * Blocking {@link ReactiveCredentials#revoke(String, String)}.
	 */
	public void revoke(String namespace, String credentialId) {
		Blocking.run(this.reactive.revoke(namespace, credentialId));
	}

}
