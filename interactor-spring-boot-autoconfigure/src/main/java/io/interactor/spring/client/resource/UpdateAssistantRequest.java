package io.interactor.spring.client.resource;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code PATCH /assistants/{id}}: a partial update, only non-null fields are sent.
 *
 * @param name a new name
 * @param model a new model
 * @param systemPrompt a new system prompt
 * @param description a new description
 * @param tools the new tool ids (replacing the old ones)
 * @param dataSources the new data source ids (replacing the old ones)
 * @param temperature a new sampling temperature
 * @param maxTokens a new maximum response length
 * @param metadata new metadata
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateAssistantRequest(@Nullable String name, @Nullable String model, @Nullable String systemPrompt,
		@Nullable String description, @Nullable List<String> tools, @Nullable List<String> dataSources,
		@Nullable Double temperature, @Nullable Integer maxTokens, @Nullable Map<String, Object> metadata) {

	/**
	 * A builder; only the fields set on it are sent.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds an {@link UpdateAssistantRequest}.
	 */
	public static final class Builder {

		private @Nullable String name;

		private @Nullable String model;

		private @Nullable String systemPrompt;

		private @Nullable String description;

		private @Nullable List<String> tools;

		private @Nullable List<String> dataSources;

		private @Nullable Double temperature;

		private @Nullable Integer maxTokens;

		private @Nullable Map<String, Object> metadata;

		private Builder() {
		}

		public Builder name(String name) {
			this.name = name;
			return this;
		}

		public Builder model(String model) {
			this.model = model;
			return this;
		}

		public Builder systemPrompt(String systemPrompt) {
			this.systemPrompt = systemPrompt;
			return this;
		}

		public Builder description(String description) {
			this.description = description;
			return this;
		}

		public Builder tools(List<String> toolIds) {
			this.tools = List.copyOf(toolIds);
			return this;
		}

		public Builder dataSources(List<String> dataSourceIds) {
			this.dataSources = List.copyOf(dataSourceIds);
			return this;
		}

		public Builder temperature(double temperature) {
			this.temperature = temperature;
			return this;
		}

		public Builder maxTokens(int maxTokens) {
			this.maxTokens = maxTokens;
			return this;
		}

		public Builder metadata(Map<String, Object> metadata) {
			this.metadata = Map.copyOf(metadata);
			return this;
		}

		public UpdateAssistantRequest build() {
			return new UpdateAssistantRequest(this.name, this.model, this.systemPrompt, this.description, this.tools,
					this.dataSources, this.temperature, this.maxTokens, this.metadata);
		}

	}

}
