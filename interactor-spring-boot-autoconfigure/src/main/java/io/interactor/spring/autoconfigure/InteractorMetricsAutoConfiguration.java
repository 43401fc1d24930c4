package io.interactor.spring.autoconfigure;

import java.time.Clock;

import io.interactor.spring.actuate.metrics.InteractorMeterObservationHandler;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * Auto-configuration of the {@link InteractorMeterObservationHandler}, which records the {@code interactor.*} meters
 * from the observations of the Interactor client and webhook endpoint when Micrometer is on the classpath and the
 * application has a {@link MeterRegistry} (Spring Boot's, with {@code spring-boot-starter-actuator}). Spring Boot
 * registers it with its {@code ObservationRegistry}; without one, the client and the endpoint report to a registry of
 * their own that holds it.
 * <p>
 * Runs after Spring Boot's metrics auto-configurations, which define the registries: the
 * {@link ConditionalOnBean} check would otherwise find none.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { InteractorMetricsAutoConfiguration.METRICS_AUTO_CONFIGURATION,
		InteractorMetricsAutoConfiguration.COMPOSITE_METER_REGISTRY_AUTO_CONFIGURATION })
@ConditionalOnClass(MeterRegistry.class)
@EnableConfigurationProperties(InteractorProperties.class)
public final class InteractorMetricsAutoConfiguration {

	static final String METRICS_AUTO_CONFIGURATION = "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration";

	/** Runs after every registry export auto-configuration and picks the primary (composite) registry. */
	static final String COMPOSITE_METER_REGISTRY_AUTO_CONFIGURATION = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration";

	/**
	 * Order of the handler among the meter observation handlers: before Spring Boot's default one (unordered), which
	 * would otherwise time the Interactor observations a second time under their own names.
	 */
	static final int OBSERVATION_HANDLER_ORDER = 0;

	@Bean
	@Order(OBSERVATION_HANDLER_ORDER)
	@ConditionalOnBean(MeterRegistry.class)
	@ConditionalOnMissingBean
	InteractorMeterObservationHandler interactorMeterObservationHandler(MeterRegistry meterRegistry,
			InteractorProperties properties) {
		return new InteractorMeterObservationHandler(meterRegistry, properties.getMetrics().isNamespaceTag(),
				Clock.systemUTC());
	}

}
