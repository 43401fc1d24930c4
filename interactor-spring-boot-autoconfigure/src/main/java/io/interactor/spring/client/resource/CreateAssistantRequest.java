package io.interactor.spring.client.resource;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.util.Assert;

/**
 * Body of {@code POST /assistants}. Fields left {@code null} are not sent, so the platform's defaults apply.
 *
 * @param name the name (required)
 * @param model the model, e.g. {@code gpt-4o} (required)
 * @param systemPrompt the system prompt (required)
 * @param description a description
 * @param tools ids of tools to attach
 * @param dataSources ids of data sources to attach
 * @param temperature the sampling temperature
 * @param maxTokens the maximum response length in tokens
 * @param metadata free-form metadata
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateAssistantRequest(String name, String model, String systemPrompt, @Nullable String description,
		@Nullable List<String> tools, @Nullable List<String> dataSources, @Nullable Double temperature,
		@Nullable Integer maxTokens, @Nullable Map<String, Object> metadata) {

	public CreateAssistantRequest {
		Assert.hasText(name, "name must not be empty");
		Assert.hasText(model, "model must not be empty");
		Assert.hasText(systemPrompt, "systemPrompt must not be empty");
	}

	/**
	 * A request with the required fields only.
	 * @param name the name
	 * @param model the model
	 * @param systemPrompt the system prompt
	 * @return the request
	 */
	public static CreateAssistantRequest of(String name, String model, String systemPrompt) {
		return new CreateAssistantRequest(name, model, systemPrompt, null, null, null, null, null, null);
	}

	/**
	 * A builder starting from the required fields.
	 * @param name the name
	 * @param model the model
	 * @param systemPrompt the system prompt
	 * @return the builder
	 */
	public static Builder builder(String name, String model, String systemPrompt) {
		return new Builder(name, model, systemPrompt);
	}

	/**
	 * Builds a {@link CreateAssistantRequest}.
	 */
	public static final class Builder {

		private final String name;

		private final String model;

		private final String systemPrompt;

		private @Nullable String description;

		private @Nullable List<String> tools;

		private @Nullable List<String> dataSources;

		private @Nullable Double temperature;

		private @Nullable Integer maxTokens;

		private @Nullable Map<String, Object> metadata;

		private Builder(String name, String model, String systemPrompt) {
			this.name = name;
			this.model = model;
			this.systemPrompt = systemPrompt;
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

		public CreateAssistantRequest build() {
			return new CreateAssistantRequest(this.name, this.model, this.systemPrompt, this.description, this.tools,
					this.dataSources, this.temperature, this.maxTokens, this.metadata);
		}

	}

}
