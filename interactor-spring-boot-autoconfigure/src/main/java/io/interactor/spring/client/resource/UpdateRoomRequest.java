package io.interactor.spring.client.resource;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code PATCH /rooms/{id}}: the room's new metadata.
 *
 * @param metadata the metadata (replacing the old)
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateRoomRequest(Map<String, Object> metadata) {

}
