package io.interactor.spring.client.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.util.Assert;

/**
 * Body of {@code POST /tools}. {@code null} fields are not sent.
 *
 * @param name the name the assistant sees (required)
 * @param description what it does, for the model (required)
 * @param parameters the JSON Schema of its arguments: a {@code Map}, a {@code JsonNode} or any serialisable value
 * @param callbackUrl where the platform calls it; {@code null} for client-executed tools
 * @param callbackSecret the secret signing the callbacks
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateToolRequest(String name, String description, @Nullable Object parameters,
		@Nullable String callbackUrl, @Nullable String callbackSecret) {

	public CreateToolRequest {
		Assert.hasText(name, "name must not be empty");
		Assert.hasText(description, "description must not be empty");
	}

	/**
	 * A client-executed tool.
	 * @param name the name
	 * @param description the description
	 * @param parameters the JSON Schema of its arguments
	 * @return the request
	 */
	public static CreateToolRequest of(String name, String description, Object parameters) {
		return new CreateToolRequest(name, description, parameters, null, null);
	}

	@Override
	public String toString() {
		return "CreateToolRequest[name=" + this.name + ", callbackUrl=" + this.callbackUrl + ", callbackSecret="
				+ ((this.callbackSecret != null) ? "<redacted>" : null) + "]";
	}

}
