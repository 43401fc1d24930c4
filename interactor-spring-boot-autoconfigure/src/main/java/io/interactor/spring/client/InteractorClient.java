package io.interactor.spring.client;

import io.interactor.spring.client.resource.Assistants;

/**
 * The blocking Interactor client: the same resource groups and method names as {@link ReactiveInteractorClient},
 * returning values and throwing {@link io.interactor.spring.client.error.InteractorException}s. Do not call it from
 * an event-loop thread; use the reactive client there.
 */
public final class InteractorClient {

	private final ReactiveInteractorClient reactive;

	private final Assistants assistants;

	/**
	 * Create a blocking client over a reactive one.
	 * @param reactive the reactive client doing the work
	 */
	public InteractorClient(ReactiveInteractorClient reactive) {
		this.reactive = reactive;
		this.assistants = new Assistants(reactive.assistants());
	}

	/**
	 * Assistants: create, get, list, update, delete.
	 * @return the assistants resource group
	 */
	public Assistants assistants() {
		return this.assistants;
	}

	/**
	 * The reactive client behind this one.
	 * @return the reactive client
	 */
	public ReactiveInteractorClient reactive() {
		return this.reactive;
	}

}
