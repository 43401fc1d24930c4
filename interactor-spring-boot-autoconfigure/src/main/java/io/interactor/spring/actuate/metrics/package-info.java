/**
 * Metrics of the Interactor client and webhook endpoint:
 * {@link io.interactor.spring.actuate.metrics.InteractorMeterObservationHandler} records the {@code interactor.*}
 * meters from the starter's observations when a {@code MeterRegistry} exists.
 */
@NullMarked
package io.interactor.spring.actuate.metrics;

import org.jspecify.annotations.NullMarked;
