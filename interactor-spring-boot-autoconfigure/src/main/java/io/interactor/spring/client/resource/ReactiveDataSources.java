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
 * Data sources ({@code /data-sources}), reactive. Every method takes the namespace first; arguments are validated when
 * the method is called, before any request is made.
 *
 * @since 0.1.0
 */
public final class ReactiveDataSources {

	static final String COLLECTION = "/data-sources";

	static final String ITEM = "/data-sources/{dataSourceId}";

	private final CoreApiClient api;

	public ReactiveDataSources(CoreApiClient api) {
		this.api = api;
	}

	/**
	 * Create a data source.
	 * @param namespace the namespace
	 * @param request the data source to create
	 * @param options per-call options
	 * @return the created data source
	 */
	public Mono<DataSource> create(String namespace, CreateDataSourceRequest request, RequestOptions options) {
		return this.api.retrieve(ApiRequest.post(namespace, COLLECTION).body(request).options(options),
				DataSource.class);
	}

	/**
	 * Create a data source.
	 * @param namespace the namespace
	 * @param request the data source to create
	 * @return the created data source
	 */
	public Mono<DataSource> create(String namespace, CreateDataSourceRequest request) {
		return create(namespace, request, RequestOptions.none());
	}

	/**
	 * Get a data source.
	 * @param namespace the namespace
	 * @param dataSourceId the id
	 * @return the data source; errors with {@code InteractorNotFoundException} if there is none
	 */
	public Mono<DataSource> get(String namespace, String dataSourceId) {
		return this.api.retrieve(ApiRequest.get(namespace, ITEM, dataSourceId), DataSource.class);
	}

	/**
	 * List the first page of data sources.
	 * @param namespace the namespace
	 * @return the page
	 */
	public Mono<Page<DataSource>> list(String namespace) {
		return list(namespace, DataSourceFilter.none(), ListParams.defaults());
	}

	/**
	 * List one page of data sources.
	 * @param namespace the namespace
	 * @param filter the filters
	 * @param params the page to fetch
	 * @return the page
	 */
	public Mono<Page<DataSource>> list(String namespace, DataSourceFilter filter, ListParams params) {
		return this.api.retrievePage(ApiRequest.get(namespace, COLLECTION)
			.query("type", filter.type())
			.query("page", params.page())
			.query("per_page", params.perPage()), DataSource.class);
	}

	/**
	 * Every data source, fetching pages lazily as the subscriber demands items.
	 * @param namespace the namespace
	 * @return the data sources
	 */
	public Flux<DataSource> listAll(String namespace) {
		return listAll(namespace, DataSourceFilter.none(), ListParams.defaults());
	}

	/**
	 * Every matching data source from a given page on, fetching pages lazily.
	 * @param namespace the namespace
	 * @param filter the filters
	 * @param params the first page and the page size
	 * @return the data sources
	 */
	public Flux<DataSource> listAll(String namespace, DataSourceFilter filter, ListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.flux(params.pageOrFirst(), (page) -> list(namespace, filter, params.withPage(page)));
	}

	/**
	 * Update a data source; only the non-null fields of {@code request} change.
	 * @param namespace the namespace
	 * @param dataSourceId the id
	 * @param request the changes
	 * @return the updated data source
	 */
	public Mono<DataSource> update(String namespace, String dataSourceId, UpdateDataSourceRequest request) {
		return this.api.retrieve(ApiRequest.patch(namespace, ITEM, dataSourceId).body(request), DataSource.class);
	}

	/**
	 * Delete a data source.
	 * @param namespace the namespace
	 * @param dataSourceId the id
	 * @return completes when deleted
	 */
	public Mono<Void> delete(String namespace, String dataSourceId) {
		return this.api.retrieveEmpty(ApiRequest.delete(namespace, ITEM, dataSourceId));
	}

	/**
	 * Start a sync of a data source (re-reading its content or schema).
	 * @param namespace the namespace
	 * @param dataSourceId the id
	 * @param options per-call options
	 * @return completes when the sync was accepted
	 */
	public Mono<Void> sync(String namespace, String dataSourceId, RequestOptions options) {
		return this.api
			.retrieveEmpty(ApiRequest.post(namespace, ITEM + "/sync", dataSourceId).body(Map.of()).options(options));
	}

	/**
	 * Start a sync of a data source.
	 * @param namespace the namespace
	 * @param dataSourceId the id
	 * @return completes when the sync was accepted
	 */
	public Mono<Void> sync(String namespace, String dataSourceId) {
		return sync(namespace, dataSourceId, RequestOptions.none());
	}

}
