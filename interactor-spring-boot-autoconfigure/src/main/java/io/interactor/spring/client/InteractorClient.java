package io.interactor.spring.client;

import io.interactor.spring.client.resource.Assistants;
import io.interactor.spring.client.resource.Credentials;
import io.interactor.spring.client.resource.DataSources;
import io.interactor.spring.client.resource.OAuth;
import io.interactor.spring.client.resource.Rooms;
import io.interactor.spring.client.resource.Tools;
import io.interactor.spring.client.resource.Webhooks;
import io.interactor.spring.client.resource.WorkflowInstances;
import io.interactor.spring.client.resource.Workflows;

/**
 * The blocking Interactor client: the same resource groups and method names as {@link ReactiveInteractorClient},
 * returning values and throwing {@link io.interactor.spring.client.error.InteractorException}s. Do not call it from
 * an event-loop thread; use the reactive client there.
 *
 * @since 0.1.0
 */
public final class InteractorClient {

	private final ReactiveInteractorClient reactive;

	private final Credentials credentials;

	private final OAuth oauth;

	private final Assistants assistants;

	private final Rooms rooms;

	private final Tools tools;

	private final DataSources dataSources;

	private final Workflows workflows;

	private final WorkflowInstances workflowInstances;

	private final Webhooks webhooks;

	/**
	 * Create a blocking client over a reactive one.
	 * @param reactive the reactive client doing the work
	 */
	public InteractorClient(ReactiveInteractorClient reactive) {
		this.reactive = reactive;
		this.credentials = new Credentials(reactive.credentials());
		this.oauth = new OAuth(reactive.oauth());
		this.assistants = new Assistants(reactive.assistants());
		this.rooms = new Rooms(reactive.rooms());
		this.tools = new Tools(reactive.tools());
		this.dataSources = new DataSources(reactive.dataSources());
		this.workflows = new Workflows(reactive.workflows());
		this.workflowInstances = new WorkflowInstances(reactive.workflowInstances());
		this.webhooks = new Webhooks(reactive.webhooks());
	}

	/**
	 * Credentials: list, get, token, refresh, revoke.
	 * @return the credentials resource group
	 */
	public Credentials credentials() {
		return this.credentials;
	}

	/**
	 * OAuth connect flows: initiate, complete, status.
	 * @return the OAuth resource group
	 */
	public OAuth oauth() {
		return this.oauth;
	}

	/**
	 * Assistants: create, get, list, update, delete.
	 * @return the assistants resource group
	 */
	public Assistants assistants() {
		return this.assistants;
	}

	/**
	 * Rooms: create, get, list, update, delete, messages, tool results, event stream.
	 * @return the rooms resource group
	 */
	public Rooms rooms() {
		return this.rooms;
	}

	/**
	 * Tools: create, get, list, update, delete.
	 * @return the tools resource group
	 */
	public Tools tools() {
		return this.tools;
	}

	/**
	 * Data sources: create, get, list, update, delete, sync.
	 * @return the data sources resource group
	 */
	public DataSources dataSources() {
		return this.dataSources;
	}

	/**
	 * Workflow definitions: create, get, list, delete.
	 * @return the workflows resource group
	 */
	public Workflows workflows() {
		return this.workflows;
	}

	/**
	 * Workflow instances: start, get, list, input, events, cancel, thread, event stream.
	 * @return the workflow instances resource group
	 */
	public WorkflowInstances workflowInstances() {
		return this.workflowInstances;
	}

	/**
	 * Webhook subscriptions: create, get, list, update, delete, rotate secret.
	 * @return the webhooks resource group
	 */
	public Webhooks webhooks() {
		return this.webhooks;
	}

	/**
	 * The reactive client behind this one.
	 * @return the reactive client
	 */
	public ReactiveInteractorClient reactive() {
		return this.reactive;
	}

}
