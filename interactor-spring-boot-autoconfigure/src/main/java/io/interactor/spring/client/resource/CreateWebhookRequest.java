package io.interactor.spring.client.resource;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.util.Assert;

/**
 * Body of {@code POST /webhooks}. {@code null} fields are not sent. The active flag is sent under both documented
 * names ({@code active} and {@code enabled}) so that either server dialect reads it.
 *
 * @param url the delivery URL (required; HTTPS in production)
 * @param events the event types to subscribe to (required; wildcards such as {@code workflow.instance.*} allowed)
 * @param secret a signing secret of your choice; the platform generates one when absent
 * @param active whether deliveries are made
 * @param name a name (required by newer platform versions)
 * @param description a description
 * @param headers extra headers to send with deliveries
 * @param metadata free-form metadata
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateWebhookRequest(String url, List<String> events, @Nullable String secret,
		@Nullable Boolean active, @Nullable String name, @Nullable String description,
		@Nullable Map<String, String> headers, @Nullable Map<String, Object> metadata) {

	public CreateWebhookRequest {
		Assert.hasText(url, "url must not be empty");
		Assert.notEmpty(events, "events must not be empty");
		events = List.copyOf(events);
	}

	/**
	 * An active webhook for some events.
	 * @param url the delivery URL
	 * @param events the event types
	 * @return the request
	 */
	public static CreateWebhookRequest of(String url, List<String> events) {
		return new CreateWebhookRequest(url, events, null, true, null, null, null, null);
	}

	/**
	 * The active flag under the name the sync SDK and newer documents use.
	 * @return the flag
	 */
	@JsonProperty("enabled")
	public @Nullable Boolean enabled() {
		return this.active;
	}

	@Override
	public String toString() {
		return "CreateWebhookRequest[url=" + this.url + ", events=" + this.events + ", secret="
				+ ((this.secret != null) ? "<redacted>" : null) + "]";
	}

}
