package io.interactor.spring.client.resource;

import java.util.stream.Stream;

import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.core.Page;
import io.interactor.spring.client.core.Paging;
import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.http.ApiRequest;

/**
 * Data sources ({@code /data-sources}), blocking: the methods of {@link ReactiveDataSources}, documented there; the
 * {@linkplain io.interactor.spring.client.resource package documentation} says how a blocking method differs.
 *
 * @since 0.1.0
 */
public final class DataSources {

	private final ReactiveDataSources reactive;

	public DataSources(ReactiveDataSources reactive) {
		this.reactive = reactive;
	}

	/**
	 * Blocking {@link ReactiveDataSources#create(String, CreateDataSourceRequest, RequestOptions)}.
	 */
	public DataSource create(String namespace, CreateDataSourceRequest request, RequestOptions options) {
		return Blocking.require(this.reactive.create(namespace, request, options));
	}

	/**
	 * Blocking {@link ReactiveDataSources#create(String, CreateDataSourceRequest)}.
	 */
	public DataSource create(String namespace, CreateDataSourceRequest request) {
		return create(namespace, request, RequestOptions.none());
	}

	/**
	 * Blocking {@link ReactiveDataSources#get(String, String)}.
	 * @throws io.interactor.spring.client.error.InteractorNotFoundException if there is none
	 */
	public DataSource get(String namespace, String dataSourceId) {
		return Blocking.require(this.reactive.get(namespace, dataSourceId));
	}

	/**
	 * Blocking {@link ReactiveDataSources#list(String)}.
	 */
	public Page<DataSource> list(String namespace) {
		return list(namespace, DataSourceFilter.none(), ListParams.defaults());
	}

	/**
	 * Blocking {@link ReactiveDataSources#list(String, DataSourceFilter, ListParams)}.
	 */
	public Page<DataSource> list(String namespace, DataSourceFilter filter, ListParams params) {
		return Blocking.require(this.reactive.list(namespace, filter, params));
	}

	/**
	 * Blocking {@link ReactiveDataSources#listAll(String)}.
	 * @return a lazy stream: a page is fetched when the stream reaches it
	 */
	public Stream<DataSource> listAll(String namespace) {
		return listAll(namespace, DataSourceFilter.none(), ListParams.defaults());
	}

	/**
	 * Blocking {@link ReactiveDataSources#listAll(String, DataSourceFilter, ListParams)}.
	 * @return a lazy stream: a page is fetched when the stream reaches it
	 */
	public Stream<DataSource> listAll(String namespace, DataSourceFilter filter, ListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.stream(params.pageOrFirst(), (page) -> list(namespace, filter, params.withPage(page)));
	}

	/**
	 * Blocking {@link ReactiveDataSources#update(String, String, UpdateDataSourceRequest)}.
	 */
	public DataSource update(String namespace, String dataSourceId, UpdateDataSourceRequest request) {
		return Blocking.require(this.reactive.update(namespace, dataSourceId, request));
	}

	/**
	 * Blocking {@link ReactiveDataSources#delete(String, String)}.
	 */
	public void delete(String namespace, String dataSourceId) {
		Blocking.run(this.reactive.delete(namespace, dataSourceId));
	}

	/**
	 * Blocking {@link ReactiveDataSources#sync(String, String, RequestOptions)}.
	 */
	public void sync(String namespace, String dataSourceId, RequestOptions options) {
		Blocking.run(this.reactive.sync(namespace, dataSourceId, options));
	}

	/**
	 * Blocking {@link ReactiveDataSources#sync(String, String)}.
	 */
	public void sync(String namespace, String dataSourceId) {
		sync(namespace, dataSourceId, RequestOptions.none());
	}

}
