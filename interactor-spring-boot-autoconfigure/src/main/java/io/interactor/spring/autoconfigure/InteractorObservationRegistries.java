package io.interactor.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.ClassUtils;

/**
 * Finds the {@link ObservationRegistry} the Interactor client and webhook dispatcher report to: the application's
 * (Spring Boot's, which registers every {@link ObservationHandler} bean), else, when there is none, a registry of
 * the starter's own holding the {@link ObservationHandler} beans (so that the {@code interactor.*} meters and the
 * webhook outcome counts do not depend on Spring Boot's observation auto-configuration), else
 * {@link ObservationRegistry#NOOP}.
 */
final class InteractorObservationRegistries {

	private static final boolean MICROMETER_CORE_PRESENT = ClassUtils.isPresent(
			"io.micrometer.core.instrument.observation.MeterObservationHandler",
			InteractorObservationRegistries.class.getClassLoader());

	private InteractorObservationRegistries() {
	}

	static ObservationRegistry resolve(ObjectProvider<ObservationRegistry> registry,
			ObjectProvider<ObservationHandler<?>> handlers) {
		ObservationRegistry available = registry.getIfUnique();
		if (available != null) {
			return available;
		}
		List<ObservationHandler<?>> ordered = handlers.orderedStream().toList();
		if (ordered.isEmpty()) {
			return ObservationRegistry.NOOP;
		}
		ObservationRegistry own = ObservationRegistry.create();
		// As Spring Boot does: meter handlers form one group in which only the first supporting handler records,
		// so that a context is not timed twice.
		List<ObservationHandler<?>> meterHandlers = new ArrayList<>();
		for (ObservationHandler<?> handler : ordered) {
			if (MICROMETER_CORE_PRESENT && MeterHandlers.isMeterHandler(handler)) {
				meterHandlers.add(handler);
			}
			else {
				own.observationConfig().observationHandler(handler);
			}
		}
		if (!meterHandlers.isEmpty()) {
			own.observationConfig().observationHandler(new FirstMatchingCompositeObservationHandler(meterHandlers));
		}
		return own;
	}

	/** Keeps the reference to Micrometer core, which is optional, in a class loaded only when it is present. */
	private static final class MeterHandlers {

		static boolean isMeterHandler(ObservationHandler<?> handler) {
			return handler instanceof MeterObservationHandler;
		}

	}

}
