package io.interactor.spring.client.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.util.Assert;

/**
 * Body of {@code POST /workflow-instances/{id}/thread/messages}.
 *
 * @param content the text (required)
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThreadMessageRequest(String content) {

	public ThreadMessageRequest {
		Assert.hasText(content, "content must not be empty");
	}

}
