package io.interactor.sample;

import java.util.Map;

import io.interactor.spring.autoconfigure.MissingInteractorCredentialsException;
import io.interactor.spring.client.error.InteractorApiException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the client's exceptions into short JSON answers: 503 explaining what to set when no credentials are
 * configured (and the embedded mock is off), the platform's error code and request id otherwise. Never the
 * exception message of a platform error, which may quote request data.
 */
@RestControllerAdvice(assignableTypes = { AssistantController.class, ChatController.class })
class ApiErrors {

	@ExceptionHandler
	ResponseEntity<Map<String, String>> notConfigured(MissingInteractorCredentialsException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.body(Map.of("error", "interactor_not_configured", "message",
					"Set INTERACTOR_CLIENT_ID and INTERACTOR_CLIENT_SECRET to call the Interactor API, "
							+ "or interactor.mock.enabled=true to run against the embedded mock"));
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
