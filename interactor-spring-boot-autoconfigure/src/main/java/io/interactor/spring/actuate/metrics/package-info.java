/**
 * Metrics of the Interactor client and webhook endpoint: the {@link io.interactor.spring.actuate.metrics.InteractorMetrics}
 * interface the core code reports to (a no-op by default), and its Micrometer implementation
 * {@link io.interactor.spring.actuate.metrics.MicrometerInteractorMetrics}, used when a {@code MeterRegistry} exists.
 */
@NullMarked
package io.interactor.spring.actuate.metrics;

import org.jspecify.annotations.NullMarked;
