package io.interactor.spring.autoconfigure;

import java.time.Clock;

import io.interactor.spring.actuate.metrics.InteractorMetrics;
import io.interactor.spring.actuate.metrics.MicrometerInteractorMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the Micrometer {@link InteractorMetrics}, used by the Interactor client and webhook endpoint
 * when Micrometer is on the classpath and the application has a {@link MeterRegistry} (Spring Boot's, with
 * {@code spring-boot-starter-actuator}). Without it the client and the endpoint report to a no-op.
 * <p>
 * Runs after Spring Boot's metrics auto-configurations, which define the registries: the
 * {@link ConditionalOnBean} check would otherwise find none.
 */
@AutoConfiguration(afterName = { InteractorMetricsAutoConfiguration.METRICS_AUTO_CONFIGURATION,
		InteractorMetricsAutoConfiguration.COMPOSITE_METER_REGISTRY_AUTO_CONFIGURATION })
@ConditionalOnClass(MeterRegistry.class)
@EnableConfigurationProperties(InteractorProperties.class)
public final class InteractorMetricsAutoConfiguration {

	static final String METRICS_AUTO_CONFIGURATION = "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration";

	/** Runs after every registry export auto-configuration and picks the primary (composite) registry. */
	static final String COMPOSITE_METER_REGISTRY_AUTO_CONFIGURATION = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration";

	@Bean
	@ConditionalOnBean(MeterRegistry.class)
	@ConditionalOnMissingBean(InteractorMetrics.class)
	MicrometerInteractorMetrics interactorMetrics(MeterRegistry meterRegistry, InteractorProperties properties) {
		return new MicrometerInteractorMetrics(meterRegistry, properties.getMetrics().isNamespaceTag(),
				Clock.systemUTC());
	}

}
