package io.interactor.spring.client.resource;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.util.Assert;

/**
 * Body of {@code POST /data-sources}. {@code null} fields are not sent. {@link #toString()} hides the
 * configuration, which may hold passwords.
 *
 * @param name the name (required)
 * @param type {@code file}, {@code url} or {@code database} (required)
 * @param config the configuration: a {@code Map}, a {@code JsonNode} or any serialisable value
 * @param semanticMappings what its fields mean
 * @param description a description
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateDataSourceRequest(String name, String type, @Nullable Object config,
		@Nullable List<SemanticMapping> semanticMappings, @Nullable String description) {

	public CreateDataSourceRequest {
		Assert.hasText(name, "name must not be empty");
		Assert.hasText(type, "type must not be empty");
	}

	/**
	 * A data source without semantic mappings.
	 * @param name the name
	 * @param type the type
	 * @param config the configuration
	 * @return the request
	 */
	public static CreateDataSourceRequest of(String name, String type, Object config) {
		return new CreateDataSourceRequest(name, type, config, null, null);
	}

	@Override
	public String toString() {
		return "CreateDataSourceRequest[name=" + this.name + ", type=" + this.type + ", config=<hidden>]";
	}

}
