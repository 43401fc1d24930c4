package io.interactor.spring.client.resource;

import java.util.Map;

import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.core.Page;
import io.interactor.spring.client.core.Paging;
import io.interactor.spring.client.core.RequestOptions;
import io.interactor.spring.client.http.ApiRequest;
import io.interactor.spring.client.http.CoreApiClient;
import io.interactor.spring.client.stream.EventStreamConnector;
import io.interactor.spring.client.stream.StreamEvent;
import io.interactor.spring.client.stream.StreamSettings;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Workflow instances ({@code /workflow-instances}), reactive: start, inspect, feed input and events, cancel, talk
 * on the thread, and follow the event stream.
 *
 * @since 0.1.0
 */
public final class ReactiveWorkflowInstances {

	static final String COLLECTION = "/workflow-instances";

	static final String ITEM = "/workflow-instances/{instanceId}";

	private final CoreApiClient api;

	private final EventStreamConnector streams;

	public ReactiveWorkflowInstances(CoreApiClient api, EventStreamConnector streams) {
		this.api = api;
		this.streams = streams;
	}

	/**
	 * Start an instance. An {@code Idempotency-Key} is generated unless {@code options} carries one; pass a
	 * business key (e.g. {@code IdempotencyKeys.hash(orderId, "approval")}) to make a retried start safe across
	 * processes.
	 * @param namespace the namespace
	 * @param request the workflow and initial context
	 * @param options per-call options
	 * @return the started instance
	 */
	public Mono<WorkflowInstance> start(String namespace, StartWorkflowRequest request, RequestOptions options) {
		return this.api.retrieve(
				ApiRequest.post(namespace, COLLECTION).body(request).options(options).generateIdempotencyKey(),
				WorkflowInstance.class);
	}

	/**
	 * Start an instance with a generated {@code Idempotency-Key}.
	 * @param namespace the namespace
	 * @param request the workflow and initial context
	 * @return the started instance
	 */
	public Mono<WorkflowInstance> start(String namespace, StartWorkflowRequest request) {
		return start(namespace, request, RequestOptions.none());
	}

	/**
	 * Get an instance.
	 * @param namespace the namespace
	 * @param instanceId the instance id
	 * @return the instance; errors with {@code InteractorNotFoundException} if there is none
	 */
	public Mono<WorkflowInstance> get(String namespace, String instanceId) {
		return this.api.retrieve(ApiRequest.get(namespace, ITEM, instanceId), WorkflowInstance.class);
	}

	/**
	 * List the first page of instances.
	 * @param namespace the namespace
	 * @return the page
	 */
	public Mono<Page<WorkflowInstance>> list(String namespace) {
		return list(namespace, WorkflowInstanceFilter.none(), ListParams.defaults());
	}

	/**
	 * List one page of instances.
	 * @param namespace the namespace
	 * @param filter workflow and status filters
	 * @param params the page to fetch
	 * @return the page
	 */
	public Mono<Page<WorkflowInstance>> list(String namespace, WorkflowInstanceFilter filter, ListParams params) {
		return this.api.retrievePage(ApiRequest.get(namespace, COLLECTION)
			.query("workflow_id", filter.workflowId())
			.query("status", (filter.status() != null) ? filter.status().value() : null)
			.query("page", params.page())
			.query("per_page", params.perPage()), WorkflowInstance.class);
	}

	/**
	 * Every instance, fetching pages lazily as the subscriber demands items.
	 * @param namespace the namespace
	 * @return the instances
	 */
	public Flux<WorkflowInstance> listAll(String namespace) {
		return listAll(namespace, WorkflowInstanceFilter.none(), ListParams.defaults());
	}

	/**
	 * Every matching instance from a given page on, fetching pages lazily.
	 * @param namespace the namespace
	 * @param filter workflow and status filters
	 * @param params the first page and the page size
	 * @return the instances
	 */
	public Flux<WorkflowInstance> listAll(String namespace, WorkflowInstanceFilter filter, ListParams params) {
		ApiRequest.requireNamespace(namespace);
		return Paging.flux(params.pageOrFirst(), (page) -> list(namespace, filter, params.withPage(page)));
	}

	/**
	 * Submit input to a halted instance; the body is the input object itself. An {@code Idempotency-Key} is
	 * generated unless {@code options} carries one, so a retried submit is not applied twice.
	 * @param namespace the namespace
	 * @param instanceId the instance id
	 * @param input the input: a map, a record or a {@code JsonNode}
	 * @param options per-call options
	 * @return the instance after the input
	 */
	public Mono<WorkflowInstance> submitInput(String namespace, String instanceId, Object input,
			RequestOptions options) {
		return this.api.retrieve(ApiRequest.post(namespace, ITEM + "/input", instanceId)
			.body(input)
			.options(options)
			.generateIdempotencyKey(), WorkflowInstance.class);
	}

	/**
	 * Submit input to a halted instance with a generated {@code Idempotency-Key}.
	 * @param namespace the namespace
	 * @param instanceId the instance id
	 * @param input the input
	 * @return the instance after the input
	 */
	public Mono<WorkflowInstance> submitInput(String namespace, String instanceId, Object input) {
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
	public Mono<WorkflowInstance> triggerEvent(String namespace, String instanceId, TriggerEventRequest request,
			RequestOptions options) {
		return this.api.retrieve(
				ApiRequest.post(namespace, ITEM + "/events", instanceId).body(request).options(options),
				WorkflowInstance.class);
	}

	/**
	 * Trigger a named state-machine event.
	 * @param namespace the namespace
	 * @param instanceId the instance id
	 * @param request the event and payload
	 * @return the instance after the event
	 */
	public Mono<WorkflowInstance> triggerEvent(String namespace, String instanceId, TriggerEventRequest request) {
		return triggerEvent(namespace, instanceId, request, RequestOptions.none());
	}

	/**
	 * Cancel an instance.
	 * @param namespace the namespace
	 * @param instanceId the instance id
	 * @param options per-call options
	 * @return completes when cancelled
	 */
	public Mono<Void> cancel(String namespace, String instanceId, RequestOptions options) {
		return this.api.retrieveEmpty(
				ApiRequest.post(namespace, ITEM + "/cancel", instanceId).body(Map.of()).options(options));
	}

	/**
	 * Cancel an instance.
	 * @param namespace the namespace
	 * @param instanceId the instance id
	 * @return completes when cancelled
	 */
	public Mono<Void> cancel(String namespace, String instanceId) {
		return cancel(namespace, instanceId, RequestOptions.none());
	}

	/**
	 * The instance's conversation thread.
	 * @param namespace the namespace
	 * @param instanceId the instance id
	 * @return the thread
	 */
	public Mono<WorkflowThread> thread(String namespace, String instanceId) {
		return this.api.retrieve(ApiRequest.get(namespace, ITEM + "/thread", instanceId), WorkflowThread.class);
	}

	/**
	 * Post a message to the instance's thread.
	 * @param namespace the namespace
	 * @param instanceId the instance id
	 * @param request the message
	 * @param options per-call options
	 * @return the stored message
	 */
	public Mono<ThreadMessage> sendThreadMessage(String namespace, String instanceId, ThreadMessageRequest request,
			RequestOptions options) {
		return this.api.retrieve(
				ApiRequest.post(namespace, ITEM + "/thread/messages", instanceId).body(request).options(options),
				ThreadMessage.class);
	}

	/**
	 * Post a message to the instance's thread.
	 * @param namespace the namespace
	 * @param instanceId the instance id
	 * @param request the message
	 * @return the stored message
	 */
	public Mono<ThreadMessage> sendThreadMessage(String namespace, String instanceId, ThreadMessageRequest request) {
		return sendThreadMessage(namespace, instanceId, request, RequestOptions.none());
	}

	/**
	 * The instance's server-sent events, with the default {@link StreamSettings}.
	 * @param namespace the namespace
	 * @param instanceId the instance id
	 * @return the events; cancel to close the connection
	 */
	public Flux<StreamEvent> stream(String namespace, String instanceId) {
		return stream(namespace, instanceId, StreamSettings.defaults());
	}

	/**
	 * The instance's server-sent events.
	 * @param namespace the namespace
	 * @param instanceId the instance id
	 * @param settings reconnect and heartbeat settings
	 * @return the events; cancel to close the connection
	 */
	public Flux<StreamEvent> stream(String namespace, String instanceId, StreamSettings settings) {
		return this.streams.connect(ApiRequest.get(namespace, ITEM + "/stream", instanceId), settings);
	}

}
