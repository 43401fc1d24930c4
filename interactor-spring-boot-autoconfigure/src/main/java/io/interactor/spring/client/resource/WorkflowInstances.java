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
 * Workflow instances ({@code /workflow-instances}), blocking. The same operations as
 * {@link ReactiveWorkflowInstances}; {@link #stream} returns an {@link EventStream} to iterate over and close.
 */
public final class WorkflowInstances {

	private final ReactiveWorkflowInstances reactive;

	public WorkflowInstances(ReactiveWorkflowInstances reactive) {
		this.reactive = reactive;
	}

	/**
	 * Start an instance. An {@code Idempotency-Key} is generated unless {@code options} carries one.
	 * @param namespace the namespace
	 * @param request the workflow and initial context
	 * @param options per-call options
	 * @return the started instance
	 */
	public WorkflowInstance start(String namespace, StartWorkflowRequest request, RequestOptions options) {
		return Blocking.require(this.reactive.start(namespace, request, options));
	}

	/**
	 * Start an instance with a generated {@code Idempotency-Key}.
	 * @param namespace the namespace
	 * @param request the workflow and initial context
	 * @return the started instance
	 */
	public WorkflowInstance start(String namespace, StartWorkflowRequest request) {
		return start(namespace, request, RequestOptions.none());
	}

	/**
	 * Get an instance.
	 * @param namespace the namespace
	 * @param instanceId the instance id
	 * @return the instance
	 * @throws io.interactor.spring.client.error.InteractorNotFoundException if there is none
	 */
	public WorkflowInstance get(String namespace, String instanceId) {
		return Blocking.require(this.reactive.get(namespace, instanceId));
	}

	/**
	 * List the first page of instances.
	 * @param namespace the namespace
	 * @return the page
	 */
	public Page<WorkflowInstance> list(String namespace) {
		return list(namespace, WorkflowInstanceFilter.none(), ListParams.defaults());
	}

	/**
	 * List one page of instances.
	 * @param namespace the namespace
	 * @param filter workflow and status filters
	 * @param params the page to fetch
	 * @return the page
	 */
	public Page<WorkflowInstance> list(String namespace, WorkflowInstanceFilter filter, ListParams params) {
		return Blocking.require(this.reactive.list(namespace, filter, params));
	}

	/**
	 * Every instance; a page is fetched when the stream reaches it.
	 * @param namespace the namespace
	 * @return the instances
	 */
	public Stream<WorkflowInstance> listAll(String namespace) {
		return listAll(namespace, WorkflowInstanceFilter.none(), ListParams.defaults());
	}

	/**
	 * Every matching instance from a given page on; a page is fetched when the stream reaches it.
	 * @param namespace the namespace
	 * @param filter workflow and status filters
	 * @param params the first page and the page size
	 * @return the instances
	 */
	public Stream<WorkflowInstance> listAll(String namespace, WorkflowInstanceFilter filter, ListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.stream(params.pageOrFirst(), (page) -> list(namespace, filter, params.withPage(page)));
	}

	/**
	 * Submit input to a halted instance. An {@code Idempotency-Key} is generated unless {@code options} carries one.
	 * @param namespace the namespace
	 * @param instanceId the instance id
	 * @param input the input: a map, a record or a {@code JsonNode}
	 * @param options per-call options
	 * @return the instance after the input
	 */
	public WorkflowInstance submitInput(String namespace, String instanceId, Object input, RequestOptions options) {
		return Blocking.require(this.reactive.submitInput(namespace, instanceId, input, options));
	}

	/**
	 * Submit input to a halted instance with a generated {@code Idempotency-Key}.
	 * @param namespace the namespace
	 * @param instanceId the instance id
	 * @param input the input
	 * @return the instance after the input
	 */
	public WorkflowInstance submitInput(String namespace, String instanceId, Object input) {
		return submitInput(namespace, instanceId, input, RequestOptions.none());
	}

	/**
	 * Trigger a named state-machine event.
	 * @param namespace the namespace
	 * @param instanceId the instance id
	 * @param request the event and payload
	 * @param options per-call options
	 * @return the instance after the event
	 */
	public WorkflowInstance triggerEvent(String namespace, String instanceId, TriggerEventRequest request,
			RequestOptions options) {
		return Blocking.require(this.reactive.triggerEvent(namespace, instanceId, request, options));
	}

	/**
	 * Trigger a named state-machine event.
	 * @param namespace the namespace
	 * @param instanceId the instance id
	 * @param request the event and payload
	 * @return the instance after the event
	 */
	public WorkflowInstance triggerEvent(String namespace, String instanceId, TriggerEventRequest request) {
		return triggerEvent(namespace, instanceId, request, RequestOptions.none());
	}

	/**
	 * Cancel an instance.
	 * @param namespace the namespace
	 * @param instanceId the instance id
	 * @param options per-call options
	 */
	public void cancel(String namespace, String instanceId, RequestOptions options) {
		this.reactive.cancel(namespace, instanceId, options).block();
	}

	/**
	 * Cancel an instance.
	 * @param namespace the namespace
	 * @param instanceId the instance id
	 */
	public void cancel(String namespace, String instanceId) {
		cancel(namespace, instanceId, RequestOptions.none());
	}

	/**
	 * The instance's conversation thread.
	 * @param namespace the namespace
	 * @param instanceId the instance id
	 * @return the thread
	 */
	public WorkflowThread thread(String namespace, String instanceId) {
		return Blocking.require(this.reactive.thread(namespace, instanceId));
	}

	/**
	 * Post a message to the instance's thread.
	 * @param namespace the namespace
	 * @param instanceId the instance id
	 * @param request the message
	 * @param options per-call options
	 * @return the stored message
	 */
	public ThreadMessage sendThreadMessage(String namespace, String instanceId, ThreadMessageRequest request,
			RequestOptions options) {
		return Blocking.require(this.reactive.sendThreadMessage(namespace, instanceId, request, options));
	}

	/**
	 * Post a message to the instance's thread.
	 * @param namespace the namespace
	 * @param instanceId the instance id
	 * @param request the message
	 * @return the stored message
	 */
	public ThreadMessage sendThreadMessage(String namespace, String instanceId, ThreadMessageRequest request) {
		return sendThreadMessage(namespace, instanceId, request, RequestOptions.none());
	}

	/**
	 * Open the instance's event stream with the default settings; close the returned stream to disconnect.
	 * @param namespace the namespace
	 * @param instanceId the instance id
	 * @return the open stream
	 */
	public EventStream stream(String namespace, String instanceId) {
		return stream(namespace, instanceId, StreamSettings.defaults());
	}

	/**
	 * Open the instance's event stream; close the returned stream to disconnect.
	 * @param namespace the namespace
	 * @param instanceId the instance id
	 * @param settings reconnect and heartbeat settings
	 * @return the open stream
	 */
	public EventStream stream(String namespace, String instanceId, StreamSettings settings) {
		return new EventStream(this.reactive.stream(namespace, instanceId, settings));
	}

}
