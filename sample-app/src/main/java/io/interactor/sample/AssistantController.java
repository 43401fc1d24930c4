package io.interactor.sample;

import java.util.List;
import java.util.Map;

import io.interactor.spring.autoconfigure.MissingInteractorCredentialsException;
import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.error.InteractorApiException;
import io.interactor.spring.client.resource.Assistant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows the injected {@link InteractorClient}. It is looked up through an {@link ObjectProvider} so the application
 * also starts without credentials (and then answers 503 explaining what to set).
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

	@ExceptionHandler
	ResponseEntity<Map<String, String>> notConfigured(MissingInteractorCredentialsException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.body(Map.of("error", "interactor_not_configured", "message",
					"Set INTERACTOR_CLIENT_ID and INTERACTOR_CLIENT_SECRET to call the Interactor API"));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> apiError(InteractorApiException ex) {
		HttpStatus status = (ex.status() == 404) ? HttpStatus.NOT_FOUND : HttpStatus.BAD_GATEWAY;
		return ResponseEntity.status(status)
			.body(Map.of("error", ex.code(), "request_id", String.valueOf(ex.requestId())));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> badArgument(IllegalArgumentException ex) {
		return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "message", ex.getMessage()));
	}

}
