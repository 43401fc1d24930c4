package io.interactor.spring.client.resource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A webhook subscription. Both documented spellings are read: {@code active} or {@code enabled}, and
 * {@code events} or {@code event_types}. The {@link #secret()} is only returned on create and rotation, and never
 * shown by {@link #toString()}.
 *
 * @param id the webhook id ({@code wh_...})
 * @param name the name, where the platform has one
 * @param url the delivery URL
 * @param events the subscribed event types (wildcards allowed)
 * @param active whether deliveries are made
 * @param secret the signing secret ({@code whsec_...}), on create and rotation only
 * @param description a description
 * @param headers extra headers sent with deliveries (values may come back redacted)
 * @param metadata free-form metadata
 * @param lastDeliveryAt when the last delivery was made
 * @param lastDeliveryStatus the status of the last delivery
 * @param createdAt when it was created
 * @param updatedAt when it was last updated
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Webhook(String id, @Nullable String name, @Nullable String url,
		@JsonAlias("event_types") @Nullable List<String> events,
		@JsonProperty("active") @JsonAlias("enabled") @Nullable Boolean active, @Nullable String secret,
		@Nullable String description, @Nullable Map<String, String> headers, @Nullable Map<String, Object> metadata,
		@Nullable Instant lastDeliveryAt, @Nullable String lastDeliveryStatus, @Nullable Instant createdAt,
		@Nullable Instant updatedAt) {

	@Override
	public String toString() {
		return "Webhook[id=" + this.id + ", url=" + this.url + ", events=" + this.events + ", active=" + this.active
				+ ", secret=" + ((this.secret != null) ? "<redacted>" : null) + "]";
	}

}
