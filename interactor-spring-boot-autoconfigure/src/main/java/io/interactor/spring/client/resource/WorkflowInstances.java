package io.interactor.spring.client.resource;

import java.util.stream.Stream;

import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.core.Page;
import io.interactor.spring.client.core.Paging;
import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.http.ApiRequest;
import io.interactor.spring.client.stream.EventStream;
import io.interactor.spring.client.stream.StreamSettings;

/**
 * Workflow instances ({@code /workflow-instances}), blocking: the methods of {@link ReactiveWorkflowInstances},
 * documented there; the {@linkplain io.interactor.spring.client.resource package documentation} says how a blocking
 * method differs.
 *
 * @since 0.1.0
 */
public final class WorkflowInstances {

	private final ReactiveWorkflowInstances reactive;

	public WorkflowInstances(ReactiveWorkflowInstances reactive) {
		this.reactive = reactive;
	}

	/**
	 * Blocking {@link ReactiveWorkflowInstances#start(String, StartWorkflowRequest, RequestOptions)}.
	 */
	public WorkflowInstance start(String namespace, StartWorkflowRequest request, RequestOptions options) {
		return Blocking.require(this.reactive.start(namespace, request, options));
	}

	/**
	 * Blocking {@link ReactiveWorkflowInstances#start(String, StartWorkflowRequest)}.
	 */
	public WorkflowInstance start(String namespace, StartWorkflowRequest request) {
		return start(namespace, request, RequestOptions.none());
	}

	/**
	 * Blocking {@link ReactiveWorkflowInstances#get(String, String)}.
	 * @throws io.interactor.spring.client.error.InteractorNotFoundException if there is none
	 */
	public WorkflowInstance get(String namespace, String instanceId) {
		return Blocking.require(this.reactive.get(namespace, instanceId));
	}

	/**
	 * Blocking {@link ReactiveWorkflowInstances#list(String)}.
	 */
	public Page<WorkflowInstance> list(String namespace) {
		return list(namespace, WorkflowInstanceFilter.none(), ListParams.defaults());
	}

	/**
	 * Blocking {@link ReactiveWorkflowInstances#list(String, WorkflowInstanceFilter, ListParams)}.
	 */
	public Page<WorkflowInstance> list(String namespace, WorkflowInstanceFilter filter, ListParams params) {
		return Blocking.require(this.reactive.list(namespace, filter, params));
	}

	/**
	 * Blocking {@link ReactiveWorkflowInstances#listAll(String)}.
	 * @return a lazy stream: a page is fetched when the stream reaches it
	 */
	public Stream<WorkflowInstance> listAll(String namespace) {
		return listAll(namespace, WorkflowInstanceFilter.none(), ListParams.defaults());
	}

	/**
	 * Blocking {@link ReactiveWorkflowInstances#listAll(String, WorkflowInstanceFilter, ListParams)}.
	 * @return a lazy stream: a page is fetched when the stream reaches it
	 */
	public Stream<WorkflowInstance> listAll(String namespace, WorkflowInstanceFilter filter, ListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.stream(params.pageOrFirst(), (page) -> list(namespace, filter, params.withPage(page)));
	}

	/**
	 * Blocking {@link ReactiveWorkflowInstances#submitInput(String, String, Object, RequestOptions)}.
	 */
	public WorkflowInstance submitInput(String namespace, String instanceId, Object input, RequestOptions options) {
		return Blocking.require(this.reactive.submitInput(namespace, instanceId, input, options));
	}

	/**
	 * Blocking {@link ReactiveWorkflowInstances#submitInput(String, String, Object)}.
	 */
	public WorkflowInstance submitInput(String namespace, String instanceId, Object input) {
		return submitInput(namespace, instanceId, input, RequestOptions.none());
	}

	/**
	 * Blocking {@link ReactiveWorkflowInstances#triggerEvent(String, String, TriggerEventRequest, RequestOptions)}.
	 */
	public WorkflowInstance triggerEvent(String namespace, String instanceId, TriggerEventRequest request,
			RequestOptions options) {
		return Blocking.require(this.reactive.triggerEvent(namespace, instanceId, request, options));
	}

	/**
	 * Blocking {@link ReactiveWorkflowInstances#triggerEvent(String, String, TriggerEventRequest)}.
	 */
	public WorkflowInstance triggerEvent(String namespace, String instanceId, TriggerEventRequest request) {
		return triggerEvent(namespace, instanceId, request, RequestOptions.none());
	}

	/**
	 * Blocking {@link ReactiveWorkflowInstances#cancel(String, String, RequestOptions)}.
	 */
	public void cancel(String namespace, String instanceId, RequestOptions options) {
		Blocking.run(this.reactive.cancel(namespace, instanceId, options));
	}

	/**
	 * Blocking {@link ReactiveWorkflowInstances#cancel(String, String)}.
	 */
	public void cancel(String namespace, String instanceId) {
		cancel(namespace, instanceId, RequestOptions.none());
	}

	/**
	 * Blocking {@link ReactiveWorkflowInstances#thread(String, String)}.
	 */
	public WorkflowThread thread(String namespace, String instanceId) {
		return Blocking.require(this.reactive.thread(namespace, instanceId));
	}

	/**
	 * Blocking {@link ReactiveWorkflowInstances#sendThreadMessage(String, String, ThreadMessageRequest, RequestOptions)}.
	 */
	public ThreadMessage sendThreadMessage(String namespace, String instanceId, ThreadMessageRequest request,
			RequestOptions options) {
		return Blocking.require(this.reactive.sendThreadMessage(namespace, instanceId, request, options));
	}

	/**
	 * Blocking {@link ReactiveWorkflowInstances#sendThreadMessage(String, String, ThreadMessageRequest)}.
	 */
	public ThreadMessage sendThreadMessage(String namespace, String instanceId, ThreadMessageRequest request) {
		return sendThreadMessage(namespace, instanceId, request, RequestOptions.none());
	}

	/**
	 * Blocking {@link ReactiveWorkflowInstances#stream(String, String)}.
	 * @return the open stream; close it to disconnect
	 */
	public EventStream stream(String namespace, String instanceId) {
		return stream(namespace, instanceId, StreamSettings.defaults());
	}

	/**
	 * Blocking {@link ReactiveWorkflowInstances#stream(String, String, StreamSettings)}.
	 * @return the open stream; close it to disconnect
	 */
	public EventStream stream(String namespace, String instanceId, StreamSettings settings) {
		return new EventStream(this.reactive.stream(namespace, instanceId, settings));
	}

}
