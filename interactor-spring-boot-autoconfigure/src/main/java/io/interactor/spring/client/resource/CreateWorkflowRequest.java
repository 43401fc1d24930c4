package io.interactor.spring.client.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.util.Assert;

/**
 * Body of {@code POST /workflows}. The states are any JSON-serialisable value (a list of maps, a map keyed by state
 * name, a {@code JsonNode}, or records of your own); for fields not modelled here, use
 * {@code workflows().create(namespace, JsonNode, options)}.
 *
 * @param name the name (required)
 * @param description a description
 * @param states the states
 * @param initialState the name of the first state
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateWorkflowRequest(String name, @Nullable String description, @Nullable Object states,
		@Nullable String initialState) {

	public CreateWorkflowRequest {
		Assert.hasText(name, "name must not be empty");
	}

	/**
	 * A workflow with states and an initial state.
	 * @param name the name
	 * @param states the states
	 * @param initialState the first state
	 * @return the request
	 */
	public static CreateWorkflowRequest of(String name, Object states, String initialState) {
		return new CreateWorkflowRequest(name, null, states, initialState);
	}

}
