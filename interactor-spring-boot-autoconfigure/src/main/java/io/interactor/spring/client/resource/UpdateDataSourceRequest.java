package io.interactor.spring.client.resource;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code PATCH /data-sources/{id}}: a partial update, only non-null fields are sent.
 *
 * @param name a new name
 * @param config a new configuration
 * @param semanticMappings new semantic mappings (replacing the old)
 * @param description a new description
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateDataSourceRequest(@Nullable String name, @Nullable Object config,
		@Nullable List<SemanticMapping> semanticMappings, @Nullable String description) {

	@Override
	public String toString() {
		return "UpdateDataSourceRequest[name=" + this.name + ", config=" + ((this.config != null) ? "<hidden>" : null)
				+ "]";
	}

}
