package io.interactor.spring.client.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of the Interactor client, their default conventions and key names.
 *
 * @since 0.1.0
 */
public enum InteractorClientObservationDocumentation implements ObservationDocumentation {

	/**
	 * One Core API call as its caller sees it, from subscription until its result, retries included: an error
	 * here is an error the caller receives.
	 */
	CORE_API_CALL {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultCoreApiCallObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { LowCardinalityKeyNames.METHOD, LowCardinalityKeyNames.ENDPOINT,
					LowCardinalityKeyNames.ERROR_TYPE, LowCardinalityKeyNames.ERROR_CODE };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	},

	/**
	 * One HTTP exchange with the Core API, until its response headers arrived: every retry attempt and the repeat
	 * after a 401 is its own observation, with the status the server really sent.
	 */
	CORE_API_REQUEST {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultCoreApiRequestObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { LowCardinalityKeyNames.METHOD, LowCardinalityKeyNames.ENDPOINT,
					LowCardinalityKeyNames.STATUS, LowCardinalityKeyNames.OUTCOME };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	},

	/**
	 * One access token request to the Account Server; callers sharing a request (single-flight) share the
	 * observation.
	 */
	TOKEN_REQUEST {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultTokenRequestObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { LowCardinalityKeyNames.TOKEN_STATUS, LowCardinalityKeyNames.ERROR_CODE };
		}

	},

	/**
	 * One event stream connection attempt, from connecting until the connection ends; an event named
	 * {@link EventStreamObservationContext#OPENED} marks the moment the server accepted it.
	 */
	EVENT_STREAM {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultEventStreamObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { LowCardinalityKeyNames.STREAM_TYPE, LowCardinalityKeyNames.REASON,
					LowCardinalityKeyNames.ERROR_TYPE, LowCardinalityKeyNames.ERROR_CODE };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/**
	 * Low-cardinality keys: bounded values only (see {@link InteractorClientTags}).
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/** The HTTP method. */
		METHOD {
			@Override
			public String asString() {
				return "method";
			}
		},

		/** The path template, e.g. {@code /rooms/{roomId}}; never the expanded path. */
		ENDPOINT {
			@Override
			public String asString() {
				return "endpoint";
			}
		},

		/** The HTTP status code, {@code IO_ERROR} or {@code CANCELLED}. */
		STATUS {
			@Override
			public String asString() {
				return "status";
			}
		},

		/** {@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, ... or {@code UNKNOWN}. */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/** Whether a token request succeeded: {@code success} or {@code failure}. */
		TOKEN_STATUS {
			@Override
			public String asString() {
				return "status";
			}
		},

		/** The kind of failure ({@code auth}, {@code network}, ...), {@code none} without one. */
		ERROR_TYPE {
			@Override
			public String asString() {
				return "error.type";
			}
		},

		/** The documented error code of a failure, {@code other} or {@code none}. */
		ERROR_CODE {
			@Override
			public String asString() {
				return "error.code";
			}
		},

		/** The kind of event stream: {@code room}, {@code workflow} or {@code other}. */
		STREAM_TYPE {
			@Override
			public String asString() {
				return "type";
			}
		},

		/**
		 * Why a stream connection ended: {@code timeout} (no heartbeat), {@code error}, {@code server_close} or
		 * {@code client_close}.
		 */
		REASON {
			@Override
			public String asString() {
				return "reason";
			}
		}

	}

	/**
	 * High-cardinality keys: traces and logs may carry them, metrics do not by default.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/** The {@code X-Namespace} of the call, usually one per end user. */
		NAMESPACE {
			@Override
			public String asString() {
				return "namespace";
			}
		}

	}

}
