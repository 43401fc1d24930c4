package io.interactor.spring.client.resource;

import java.util.stream.Stream;

import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.core.Page;
import io.interactor.spring.client.core.Paging;
import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.http.ApiRequest;

/**
 * Data sources ({@code /data-sources}), blocking. The same operations as {@link ReactiveDataSources}; errors are thrown
 * as {@link io.interactor.spring.client.error.InteractorException}s.
 */
public final class DataSources {

	private final ReactiveDataSources reactive;

	public DataSources(ReactiveDataSources reactive) {
		this.reactive = reactive;
	}

	/**
	 * Create a data source.
	 * @param namespace the namespace
	 * @param request the data source to create
	 * @param options per-call options
	 * @return the created data source
	 */
	public DataSource create(String namespace, CreateDataSourceRequest request, RequestOptions options) {
		return Blocking.require(this.reactive.create(namespace, request, options));
	}

	/**
	 * Create a data source.
	 * @param namespace the namespace
	 * @param request the data source to create
	 * @return the created data source
	 */
	public DataSource create(String namespace, CreateDataSourceRequest request) {
		return create(namespace, request, RequestOptions.none());
	}

	/**
	 * Get a data source.
	 * @param namespace the namespace
	 * @param dataSourceId the id
	 * @return the data source
	 * @throws io.interactor.spring.client.error.InteractorNotFoundException if there is none
	 */
	public DataSource get(String namespace, String dataSourceId) {
		return Blocking.require(this.reactive.get(namespace, dataSourceId));
	}

	/**
	 * List the first page of data sources.
	 * @param namespace the namespace
	 * @return the page
	 */
	public Page<DataSource> list(String namespace) {
		return list(namespace, DataSourceFilter.none(), ListParams.defaults());
	}

	/**
	 * List one page of data sources.
	 * @param namespace the namespace
	 * @param filter the filters
	 * @param params the page to fetch
	 * @return the page
	 */
	public Page<DataSource> list(String namespace, DataSourceFilter filter, ListParams params) {
		return Blocking.require(this.reactive.list(namespace, filter, params));
	}

	/**
	 * Every data source; a page is fetched when the stream reaches it.
	 * @param namespace the namespace
	 * @return the data sources
	 */
	public Stream<DataSource> listAll(String namespace) {
		return listAll(namespace, DataSourceFilter.none(), ListParams.defaults());
	}

	/**
	 * Every matching data source from a given page on; a page is fetched when the stream reaches it.
	 * @param namespace the namespace
	 * @param filter the filters
	 * @param params the first page and the page size
	 * @return the data sources
	 */
	public Stream<DataSource> listAll(String namespace, DataSourceFilter filter, ListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.stream(params.pageOrFirst(), (page) -> list(namespace, filter, params.withPage(page)));
	}

	/**
	 * Update a data source; only the non-null fields of {@code request} change.
	 * @param namespace the namespace
	 * @param dataSourceId the id
	 * @param request the changes
	 * @return the updated data source
	 */
	public DataSource update(String namespace, String dataSourceId, UpdateDataSourceRequest request) {
		return Blocking.require(this.reactive.update(namespace, dataSourceId, request));
	}

	/**
	 * Delete a data source.
	 * @param namespace the namespace
	 * @param dataSourceId the id
	 */
	public void delete(String namespace, String dataSourceId) {
		this.reactive.delete(namespace, dataSourceId).block();
	}

	/**
	 * Start a sync of a data source (re-reading its content or schema).
	 * @param namespace the namespace
	 * @param dataSourceId the id
	 * @param options per-call options
	 */
	public void sync(String namespace, String dataSourceId, RequestOptions options) {
		this.reactive.sync(namespace, dataSourceId, options).block();
	}

	/**
	 * Start a sync of a data source.
	 * @param namespace the namespace
	 * @param dataSourceId the id
	 */
	public void sync(String namespace, String dataSourceId) {
		sync(namespace, dataSourceId, RequestOptions.none());
	}

}
