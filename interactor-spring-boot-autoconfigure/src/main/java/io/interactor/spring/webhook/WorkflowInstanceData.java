package io.interactor.spring.webhook;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The {@code data} of the {@code workflow.instance.*} events. {@code instance_id} is documented for every type; the
 * other fields are documented for {@code workflow.instance.halted}.
 *
 * @param instanceId the workflow instance id
 * @param workflowId the workflow id
 * @param currentState the state the instance is in
 * @param context the instance context
 * @param presentation what to show the user when the instance is halted
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkflowInstanceData(@JsonProperty("instance_id") @Nullable String instanceId,
		@JsonProperty("workflow_id") @Nullable String workflowId,
		@JsonProperty("current_state") @Nullable String currentState,
		@JsonProperty("context") @Nullable Map<String, Object> context,
		@JsonProperty("presentation") @Nullable Presentation presentation) {

	/**
	 * The input form of a halted workflow instance.
	 *
	 * @param type presentation type, e.g. {@code form}
	 * @param title the title
	 * @param description the description
	 * @param fields the input fields
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Presentation(@JsonProperty("type") @Nullable String type,
			@JsonProperty("title") @Nullable String title,
			@JsonProperty("description") @Nullable String description,
			@JsonProperty("fields") @Nullable List<Field> fields) {

	}

	/**
	 * One input field of a {@link Presentation}.
	 *
	 * @param name the field name
	 * @param type the field type
	 * @param label the label
	 * @param required whether a value is required
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Field(@JsonProperty("name") @Nullable String name, @JsonProperty("type") @Nullable String type,
			@JsonProperty("label") @Nullable String label, @JsonProperty("required") boolean required) {

	}

}
