package io.interactor.spring.webhook.dispatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.dispatch.WebhookObservationDocumentation.HighCardinalityKeyNames;
import io.interactor.spring.webhook.dispatch.WebhookObservationDocumentation.LowCardinalityKeyNames;
import io.interactor.spring.webhook.dispatch.WebhookOutcome.Result;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link WebhookDeliveryObservationConvention}: name {@code interactor.webhook.delivery};
 * low-cardinality {@code event} (see {@link #event(String)}) and {@code status} (see {@link #status(Result)});
 * high-cardinality {@code namespace}.
 * <p>
 * Event types and statuses are mapped onto closed vocabularies: a webhook sender can put anything in a delivery, and
 * every value of a metric tag is a time series.
 *
 * @since 0.1.0
 */
public class DefaultWebhookDeliveryObservationConvention implements WebhookDeliveryObservationConvention {

	/** The observation name. */
	public static final String NAME = "interactor.webhook.delivery";

	/** {@code event} of a delivery rejected before its event type could be trusted or read. */
	public static final String UNKNOWN = "unknown";

	/** {@code event} of an event type outside the catalog. */
	public static final String OTHER = "other";

	/** {@code status} of a delivery not answered yet. */
	public static final String NONE = "none";

	private static final Result[] RESULTS = Result.values();

	/**
	 * Both vocabularies are closed, so every name and key-value pair is built once: by {@code event} value, the
	 * contextual name and the low-cardinality key values by result ordinal (the last for {@link #NONE}).
	 */
	private static final Map<String, Prebuilt> PREBUILT = prebuild();

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(WebhookDeliveryObservationContext context) {
		return PREBUILT.get(event(context.getEventType())).contextualName;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(WebhookDeliveryObservationContext context) {
		Result result = context.getResult();
		KeyValues[] byResult = PREBUILT.get(event(context.getEventType())).lowCardinality;
		return byResult[(result != null) ? result.ordinal() : RESULTS.length];
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(WebhookDeliveryObservationContext context) {
		String namespace = context.getNamespace();
		return (namespace != null) ? KeyValues.of(HighCardinalityKeyNames.NAMESPACE.withValue(namespace))
				: KeyValues.empty();
	}

	/**
	 * The {@code event} value of an event type.
	 * @param eventType the type the delivery carries, or {@code null} when it could not be read
	 * @return a catalog type ({@link InteractorEvents#CATALOG}), {@link #OTHER} or {@link #UNKNOWN}
	 */
	public static String event(@Nullable String eventType) {
		if (eventType == null) {
			return UNKNOWN;
		}
		return InteractorEvents.CATALOG.contains(eventType) ? eventType : OTHER;
	}

	/**
	 * The {@code status} value of a result: one value per thing an operator reacts to differently.
	 * @param result the result
	 * @return {@code processed}, {@code ignored}, {@code duplicate}, {@code in_progress},
	 * {@code invalid_signature}, {@code invalid_timestamp}, {@code invalid_payload}, {@code too_large},
	 * {@code failed}, {@code store_unavailable} or {@code error}
	 */
	public static String status(Result result) {
		return switch (result) {
			case PROCESSED -> "processed";
			case UNHANDLED -> "ignored";
			case DUPLICATE -> "duplicate";
			case DUPLICATE_IN_PROGRESS -> "in_progress";
			case INVALID_SIGNATURE -> "invalid_signature";
			case INVALID_TIMESTAMP -> "invalid_timestamp";
			case INVALID_JSON, INVALID_ENVELOPE, INVALID_PAYLOAD -> "invalid_payload";
			case PAYLOAD_TOO_LARGE -> "too_large";
			case HANDLER_FAILED -> "failed";
			case STORE_UNAVAILABLE -> "store_unavailable";
			case INTERNAL_ERROR -> "error";
		};
	}

	private static Map<String, Prebuilt> prebuild() {
		Map<String, Prebuilt> prebuilt = new HashMap<>();
		List<String> events = new ArrayList<>(InteractorEvents.CATALOG);
		events.add(OTHER);
		events.add(UNKNOWN);
		for (String event : events) {
			KeyValues[] byResult = new KeyValues[RESULTS.length + 1];
			for (Result result : RESULTS) {
				byResult[result.ordinal()] = lowCardinality(event, status(result));
			}
			byResult[RESULTS.length] = lowCardinality(event, NONE);
			prebuilt.put(event, new Prebuilt("interactor webhook " + event, byResult));
		}
		return Map.copyOf(prebuilt);
	}

	private static KeyValues lowCardinality(String event, String status) {
		return KeyValues.of(LowCardinalityKeyNames.EVENT.withValue(event), LowCardinalityKeyNames.STATUS.withValue(status));
	}

	private record Prebuilt(String contextualName, KeyValues[] lowCardinality) {

	}

}
