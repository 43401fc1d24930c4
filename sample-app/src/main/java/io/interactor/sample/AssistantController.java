package io.interactor.sample;

import java.util.List;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.resource.Assistant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows the injected {@link InteractorClient}. It is looked up through an {@link ObjectProvider} so the application
 * also starts without credentials (and then answers 503 explaining what to set, see {@link ApiErrors}).
 */
@RestController
class AssistantController {

	private final ObjectProvider<InteractorClient> client;

	AssistantController(ObjectProvider<InteractorClient> client) {
		this.client = client;
	}

	@GetMapping("/assistants")
	List<Assistant> list(@RequestParam String namespace, @RequestParam(defaultValue = "1") int page) {
		return this.client.getObject().assistants().list(namespace, ListParams.of(page, 20)).data();
	}

	@GetMapping("/assistants/{id}")
	Assistant get(@RequestParam String namespace, @PathVariable String id) {
		return this.client.getObject().assistants().get(namespace, id);
	}

}
