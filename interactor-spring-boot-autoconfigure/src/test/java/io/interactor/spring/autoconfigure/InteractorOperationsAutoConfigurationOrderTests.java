package io.interactor.spring.autoconfigure;

import java.util.Arrays;
import java.util.List;

import io.interactor.spring.actuate.InteractorEndpoint;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.Configurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ordering of the health and endpoint auto-configurations: every name they refer to exists, and the sorter
 * really applies it (a stale name would be ignored without a word).
 */
class InteractorOperationsAutoConfigurationOrderTests {

	@Test
	void everyClassNamedInTheOrderingExists() {
		for (Class<?> type : List.of(InteractorHealthContributorAutoConfiguration.class,
				InteractorEndpointAutoConfiguration.class)) {
			AutoConfiguration annotation = AnnotatedElementUtils.findMergedAnnotation(type, AutoConfiguration.class);
			assertThat(annotation).isNotNull();
			for (String name : concat(annotation.afterName(), annotation.beforeName())) {
				assertThat(ClassUtils.isPresent(name, getClass().getClassLoader())).as(name).isTrue();
			}
		}
		assertThat(InteractorHealthContributorAutoConfiguration.HEALTH_CONTRIBUTOR_AUTO_CONFIGURATION)
			.isEqualTo(HealthContributorAutoConfiguration.class.getName());
	}

	// The sorter starts from alphabetical order, so only the webhook position below proves that an ordering attribute
	// applies (io.interactor.spring.autoconfigure.InteractorClient... sorts first anyway, org.springframework... last);
	// the other two assertions keep the documented order from regressing.
	@Test
	void healthRunsAfterClientAndWebhooksAndBeforeSpringBootHealthContributors() {
		List<Class<?>> sorted = sort(HealthContributorAutoConfiguration.class,
				InteractorHealthContributorAutoConfiguration.class, InteractorWebhookAutoConfiguration.class,
				InteractorClientAutoConfiguration.class);
		assertThat(sorted.indexOf(InteractorHealthContributorAutoConfiguration.class))
			.isGreaterThan(sorted.indexOf(InteractorClientAutoConfiguration.class))
			.isGreaterThan(sorted.indexOf(InteractorWebhookAutoConfiguration.class))
			.isLessThan(sorted.indexOf(HealthContributorAutoConfiguration.class));
	}

	@Test
	void endpointRunsAfterClientAndWebhooks() {
		List<Class<?>> sorted = sort(InteractorEndpointAutoConfiguration.class,
				InteractorWebhookAutoConfiguration.class, InteractorClientAutoConfiguration.class);
		assertThat(sorted.indexOf(InteractorEndpointAutoConfiguration.class))
			.isGreaterThan(sorted.indexOf(InteractorClientAutoConfiguration.class))
			.isGreaterThan(sorted.indexOf(InteractorWebhookAutoConfiguration.class));
	}

	@Test
	void healthSeesTheWebhookBeansWhateverOrderTheyAreListedIn() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InteractorHealthContributorAutoConfiguration.class,
					InteractorWebhookAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.web.reactive.function.client"))
			.run((context) -> assertThat(context).hasBean("interactorHealthContributor"));
	}

	@Test
	void endpointIsOnlyCreatedWhenExposedAndTheActuatorIsPresent() {
		ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
			.of(InteractorEndpointAutoConfiguration.class, InteractorWebhookAutoConfiguration.class));
		runner.run((context) -> assertThat(context).doesNotHaveBean(InteractorEndpoint.class));
		runner.withPropertyValues("management.endpoints.web.exposure.include=interactor")
			.run((context) -> assertThat(context).hasSingleBean(InteractorEndpoint.class));
		runner.withPropertyValues("management.endpoints.web.exposure.include=interactor")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(InteractorEndpoint.class));
	}

	private static List<Class<?>> sort(Class<?>... classes) {
		return Arrays.asList(Configurations.getClasses(AutoConfigurations.of(classes)));
	}

	private static List<String> concat(String[] first, String[] second) {
		List<String> names = new java.util.ArrayList<>(Arrays.asList(first));
		names.addAll(Arrays.asList(second));
		return names;
	}

}
