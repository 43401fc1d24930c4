package io.interactor.spring.client.observation;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Observes Reactor pipelines the way Spring's {@code WebClient} does: the parent of a new observation is the one in
 * the subscriber's Reactor context (key {@value #OBSERVATION_KEY}), else the registry's current observation on the
 * subscribing thread (for example a webhook delivery whose handler calls the blocking client); the new observation
 * is written into the context, so that the {@code WebClient} exchange and the filters below it become its children.
 *
 * @since 0.1.0
 */
public final class ReactorObservations {

	/**
	 * The Reactor context key of the current observation, the one Micrometer's
	 * {@code ObservationThreadLocalAccessor} and Spring's {@code WebClient} use.
	 */
	public static final String OBSERVATION_KEY = "micrometer.observation";

	private ReactorObservations() {
	}

	/**
	 * The observation a new one started by a subscriber should be a child of.
	 * @param context the subscriber's Reactor context
	 * @param registry the registry, whose current observation is the fallback
	 * @return the parent, or {@code null}
	 */
	public static @Nullable Observation parent(ContextView context, ObservationRegistry registry) {
		Observation parent = context.getOrDefault(OBSERVATION_KEY, null);
		return (parent != null) ? parent : registry.getCurrentObservation();
	}

	/**
	 * Put an observation into a Reactor context, unless it is a no-op (which would hide a real parent further up).
	 * @param context the context
	 * @param observation the observation
	 * @return the context with the observation
	 */
	public static Context withObservation(Context context, Observation observation) {
		return observation.isNoop() ? context : context.put(OBSERVATION_KEY, observation);
	}

	/**
	 * Observe a {@link Mono}: on each subscription an observation is created, parented (see
	 * {@link #parent(ContextView, ObservationRegistry)}) and started; it is stopped once, on the first of value or
	 * completion, error (recorded on the observation) and cancellation.
	 * @param <T> the element type
	 * @param registry the registry
	 * @param observation creates the (not yet started) observation, once per subscription
	 * @param source the observed work, given its observation so it can record on the context
	 * @return the observed {@code Mono}
	 */
	public static <T> Mono<T> observe(ObservationRegistry registry, Supplier<Observation> observation,
			Function<Observation, Mono<T>> source) {
		return Mono.deferContextual((contextView) -> {
			Observation current = observation.get();
			Observation parent = parent(contextView, registry);
			if (parent != null) {
				current.parentObservation(parent);
			}
			current.start();
			AtomicBoolean stopped = new AtomicBoolean();
			return source.apply(current).doOnSuccess((value) -> {
				if (stopped.compareAndSet(false, true)) {
					current.stop();
				}
			}).doOnError((ex) -> {
				if (stopped.compareAndSet(false, true)) {
					current.error(ex);
					current.stop();
				}
			}).doOnCancel(() -> {
				if (stopped.compareAndSet(false, true)) {
					current.stop();
				}
			}).contextWrite((context) -> withObservation(context, current));
		});
	}

}
