package io.interactor.spring.client.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code PATCH /tools/{id}}: a partial update, only non-null fields are sent.
 *
 * @param name a new name
 * @param description a new description
 * @param parameters a new JSON Schema of the arguments
 * @param callbackUrl a new callback URL
 * @param callbackSecret a new callback secret
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateToolRequest(@Nullable String name, @Nullable String description, @Nullable Object parameters,
		@Nullable String callbackUrl, @Nullable String callbackSecret) {

	@Override
	public String toString() {
		return "UpdateToolRequest[name=" + this.name + ", callbackUrl=" + this.callbackUrl + ", callbackSecret="
				+ ((this.callbackSecret != null) ? "<redacted>" : null) + "]";
	}

}
