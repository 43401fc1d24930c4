package io.interactor.spring.webhook.dispatch;

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

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(WebhookDeliveryObservationContext context) {
		return "interactor webhook " + event(context.getEventType());
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(WebhookDeliveryObservationContext context) {
		Result result = context.getResult();
		return KeyValues.of(LowCardinalityKeyNames.EVENT.withValue(event(context.getEventType())),
				LowCardinalityKeyNames.STATUS.withValue((result != null) ? status(result) : NONE));
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

}
