package io.interactor.spring.client.resource;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A tool call an assistant made. Answer client-executed calls with {@code rooms().submitToolResult(...)}.
 *
 * @param id the call id ({@code tc_...} or {@code call_...})
 * @param toolId the tool id
 * @param toolName the tool name, where reported instead of the id
 * @param arguments the arguments, as sent by the assistant
 * @param parameters the arguments, under the name some platform versions use
 * @param status {@code pending}, {@code completed} or {@code failed}
 * @param result the result, once there is one
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ToolCall(String id, @Nullable String toolId, @Nullable String toolName, @Nullable JsonNode arguments,
		@Nullable JsonNode parameters, @Nullable String status, @Nullable JsonNode result) {

}
