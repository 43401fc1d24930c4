package io.interactor.spring.client.resource;

import java.util.Map;

import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.core.Page;
import io.interactor.spring.client.core.Paging;
import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.http.ApiRequest;
import io.interactor.spring.client.http.CoreApiClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Credentials ({@code /credentials}), reactive: the OAuth grants and API keys the platform stores per namespace.
 *
 * @since 0.1.0
 */
public final class ReactiveCredentials {

	static final String COLLECTION = "/credentials";

	static final String ITEM = "/credentials/{credentialId}";

	private final CoreApiClient api;

	public ReactiveCredentials(CoreApiClient api) {
		this.api = api;
	}

	/**
	 * List the first page of credentials.
	 * @param namespace the namespace
	 * @return the page
	 */
	public Mono<Page<Credential>> list(String namespace) {
		return list(namespace, CredentialFilter.none(), ListParams.defaults());
	}

	/**
	 * List one page of credentials.
	 * @param namespace the namespace
	 * @param filter provider and status filters
	 * @param params the page to fetch
	 * @return the page
	 */
	public Mono<Page<Credential>> list(String namespace, CredentialFilter filter, ListParams params) {
		return this.api.retrievePage(ApiRequest.get(namespace, COLLECTION)
			.query("provider", filter.provider())
			.query("status", (filter.status() != null) ? filter.status().value() : null)
			.query("page", params.page())
			.query("per_page", params.perPage()), Credential.class);
	}

	/**
	 * Every credential, fetching pages lazily as the subscriber demands items.
	 * @param namespace the namespace
	 * @return the credentials
	 */
	public Flux<Credential> listAll(String namespace) {
		return listAll(namespace, CredentialFilter.none(), ListParams.defaults());
	}

	/**
	 * Every matching credential from a given page on, fetching pages lazily.
	 * @param namespace the namespace
	 * @param filter provider and status filters
	 * @param params the first page and the page size
	 * @return the credentials
	 */
	public Flux<Credential> listAll(String namespace, CredentialFilter filter, ListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.flux(params.pageOrFirst(), (page) -> list(namespace, filter, params.withPage(page)));
	}

	/**
	 * Get a credential.
	 * @param namespace the namespace
	 * @param credentialId the credential id
	 * @return the credential; errors with {@code InteractorNotFoundException} if there is none
	 */
	public Mono<Credential> get(String namespace, String credentialId) {
		return this.api.retrieve(ApiRequest.get(namespace, ITEM, credentialId), Credential.class);
	}

	/**
	 * Get the provider access token of a credential; the platform refreshes an expired one first.
	 * @param namespace the namespace
	 * @param credentialId the credential id
	 * @return the token
	 */
	public Mono<CredentialToken> token(String namespace, String credentialId) {
		return this.api.retrieve(ApiRequest.get(namespace, ITEM + "/token", credentialId), CredentialToken.class);
	}

	/**
	 * Force a refresh of the provider token. The refresh may be asynchronous: read {@link #token} again later.
	 * @param namespace the namespace
	 * @param credentialId the credential id
	 * @param options per-call options
	 * @return the credential (or the platform's acknowledgement)
	 */
	public Mono<Credential> refresh(String namespace, String credentialId, RequestOptions options) {
		return this.api.retrieve(
				ApiRequest.post(namespace, ITEM + "/refresh", credentialId).body(Map.of()).options(options),
				Credential.class);
	}

	/**
	 * Force a refresh of the provider token.
	 * @param namespace the namespace
	 * @param credentialId the credential id
	 * @return the credential (or the platform's acknowledgement)
	 */
	public Mono<Credential> refresh(String namespace, String credentialId) {
		return refresh(namespace, credentialId, RequestOptions.none());
	}

	/**
	 * Revoke a credential: deletes it and revokes the grant at the provider.
	 * @param namespace the namespace
	 * @param credentialId the credential id
	 * @return completes when revoked
	 */
	public Mono<Void> revoke(String namespace, String credentialId) {
		return this.api.retrieveEmpty(ApiRequest.delete(namespace, ITEM, credentialId));
	}

}
