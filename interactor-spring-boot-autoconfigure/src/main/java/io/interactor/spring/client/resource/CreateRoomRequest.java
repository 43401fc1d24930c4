package io.interactor.spring.client.resource;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.util.Assert;

/**
 * Body of {@code POST /rooms}.
 *
 * @param assistantId the assistant to talk to (required)
 * @param metadata free-form metadata (up to 16 KB)
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateRoomRequest(String assistantId, @Nullable Map<String, Object> metadata) {

	public CreateRoomRequest {
		Assert.hasText(assistantId, "assistantId must not be empty");
	}

	/**
	 * A room without metadata.
	 * @param assistantId the assistant
	 * @return the request
	 */
	public static CreateRoomRequest of(String assistantId) {
		return new CreateRoomRequest(assistantId, null);
	}

}
