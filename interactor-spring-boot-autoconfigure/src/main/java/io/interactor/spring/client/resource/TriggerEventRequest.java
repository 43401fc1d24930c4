package io.interactor.spring.client.resource;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.util.Assert;

/**
 * Body of {@code POST /workflow-instances/{id}/events}: a named state-machine event.
 *
 * @param event the event name (required)
 * @param payload the payload: any JSON-serialisable value; an empty object is sent when {@code null}
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TriggerEventRequest(String event, Object payload) {

	public TriggerEventRequest(String event, @Nullable Object payload) {
		Assert.hasText(event, "event must not be empty");
		this.event = event;
		this.payload = (payload != null) ? payload : Map.of();
	}

	/**
	 * An event without payload.
	 * @param event the event name
	 * @return the request
	 */
	public static TriggerEventRequest of(String event) {
		return new TriggerEventRequest(event, null);
	}

}
