package io.interactor.spring.webhook.dispatch;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation of the webhook pipeline, its default convention and key names.
 *
 * @since 0.1.0
 */
public enum WebhookObservationDocumentation implements ObservationDocumentation {

	/** One webhook delivery, from receipt until it is answered, its handlers included. */
	WEBHOOK_DELIVERY {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultWebhookDeliveryObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/** Low-cardinality keys: bounded values only. */
	public enum LowCardinalityKeyNames implements KeyName {

		/** The event type when it is in the catalog, {@code other} when not, {@code unknown} when unread. */
		EVENT {
			@Override
			public String asString() {
				return "event";
			}
		},

		/** How the delivery was answered, e.g. {@code processed}, {@code duplicate}, {@code invalid_signature}. */
		STATUS {
			@Override
			public String asString() {
				return "status";
			}
		}

	}

	/** High-cardinality keys: traces and logs may carry them, metrics do not by default. */
	public enum HighCardinalityKeyNames implements KeyName {

		/** The namespace of the event, usually one per end user. */
		NAMESPACE {
			@Override
			public String asString() {
				return "namespace";
			}
		}

	}

}
