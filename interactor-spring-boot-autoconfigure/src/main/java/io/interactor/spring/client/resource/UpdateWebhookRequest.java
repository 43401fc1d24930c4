package io.interactor.spring.client.resource;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code PATCH /webhooks/{id}}: a partial update, only non-null fields are sent. The active flag is sent
 * under both documented names ({@code active} and {@code enabled}).
 *
 * @param url a new delivery URL
 * @param events new event types (replacing the old)
 * @param active enable or disable deliveries
 * @param name a new name
 * @param description a new description
 * @param headers new extra headers
 * @param metadata new metadata
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateWebhookRequest(@Nullable String url, @Nullable List<String> events, @Nullable Boolean active,
		@Nullable String name, @Nullable String description, @Nullable Map<String, String> headers,
		@Nullable Map<String, Object> metadata) {

	/**
	 * Enable or disable a webhook.
	 * @param active whether deliveries are made
	 * @return the request
	 */
	public static UpdateWebhookRequest active(boolean active) {
		return new UpdateWebhookRequest(null, null, active, null, null, null, null);
	}

	/**
	 * Change the subscribed events.
	 * @param events the event types
	 * @return the request
	 */
	public static UpdateWebhookRequest events(List<String> events) {
		return new UpdateWebhookRequest(null, List.copyOf(events), null, null, null, null, null);
	}

	/**
	 * The active flag under the name the sync SDK and newer documents use.
	 * @return the flag
	 */
	@JsonProperty("enabled")
	public @Nullable Boolean enabled() {
		return this.active;
	}

}
