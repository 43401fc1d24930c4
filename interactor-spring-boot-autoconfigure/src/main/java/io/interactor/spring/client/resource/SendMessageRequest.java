package io.interactor.spring.client.resource;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.util.Assert;

/**
 * Body of {@code POST /rooms/{room_id}/messages}. {@code null} fields are not sent.
 *
 * @param content the text (required)
 * @param role the author role, {@code user} by default on the platform
 * @param stream whether the reply should be streamed on the room's SSE stream
 * @param attachments attachment ids ({@code att_...})
 * @param metadata free-form metadata
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SendMessageRequest(String content, @Nullable String role, @Nullable Boolean stream,
		@Nullable List<String> attachments, @Nullable Map<String, Object> metadata) {

	public SendMessageRequest {
		Assert.hasText(content, "content must not be empty");
	}

	/**
	 * A user message.
	 * @param content the text
	 * @return the request
	 */
	public static SendMessageRequest of(String content) {
		return new SendMessageRequest(content, null, null, null, null);
	}

	/**
	 * A copy asking for the reply to be streamed.
	 * @param stream whether to stream
	 * @return the request
	 */
	public SendMessageRequest withStream(boolean stream) {
		return new SendMessageRequest(this.content, this.role, stream, this.attachments, this.metadata);
	}

	/**
	 * A copy with another role.
	 * @param role the role, e.g. {@code user}
	 * @return the request
	 */
	public SendMessageRequest withRole(String role) {
		return new SendMessageRequest(this.content, role, this.stream, this.attachments, this.metadata);
	}

}
