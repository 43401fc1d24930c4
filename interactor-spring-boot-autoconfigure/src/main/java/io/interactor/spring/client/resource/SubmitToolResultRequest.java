package io.interactor.spring.client.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.util.Assert;

/**
 * Body of {@code POST /rooms/{room_id}/tool-results}: the result of a client-executed tool call.
 *
 * @param toolCallId the call being answered
 * @param result the result: any JSON-serialisable value (a map, a record, a {@code JsonNode}, a string)
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmitToolResultRequest(String toolCallId, @Nullable Object result) {

	public SubmitToolResultRequest {
		Assert.hasText(toolCallId, "toolCallId must not be empty");
	}

}
