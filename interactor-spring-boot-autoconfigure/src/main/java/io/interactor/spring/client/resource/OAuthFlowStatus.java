package io.interactor.spring.client.resource;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Status of an OAuth connect flow ({@code GET /oauth/status/{flow_id}}).
 *
 * @param flowId the flow id
 * @param state the state; {@link OAuthFlowState#FINISHED_OR_UNKNOWN} when the platform answered 404
 * @param credentialId the stored credential, once completed
 * @param error why it failed, as the platform sent it (a string or an object)
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OAuthFlowStatus(@Nullable String flowId, @JsonProperty("status") @Nullable OAuthFlowState state,
		@Nullable String credentialId, @Nullable JsonNode error) {

	/**
	 * The status of a flow the platform no longer knows.
	 * @param flowId the flow id
	 * @return the status
	 */
	public static OAuthFlowStatus finishedOrUnknown(String flowId) {
		return new OAuthFlowStatus(flowId, OAuthFlowState.FINISHED_OR_UNKNOWN, null, null);
	}

}
