package io.interactor.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.StringUtils;

/**
 * Makes the {@code .env} file that {@code application.yml} imports behave like the environment it stands for, and
 * keeps empty variables from replacing defaults. Registered in {@code META-INF/spring.factories}; runs after the
 * configuration files were loaded.
 * <ul>
 * <li>The variables of {@code .env} bind the way environment variables do ({@code INTERACTOR_CLIENT_ID} to
 * {@code interactor.client-id}, and so on); Spring Boot applies that mapping to the system environment only.</li>
 * <li>An empty {@code INTERACTOR_*} variable, in {@code .env} or in the environment, counts as unset: a copied
 * {@code .env.example} or a shell that exports {@code INTERACTOR_WEBHOOK_SECRET=} must not replace a default with
 * an empty value.</li>
 * </ul>
 */
class DotEnvVariables implements EnvironmentPostProcessor {

	private static final String PREFIX = "INTERACTOR_";

	/** How Spring Boot names a property source imported from a file called {@code .env}: {@code ... [.../.env]}. */
	private static final String DOT_ENV_SOURCE = ".env]";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		MutablePropertySources sources = environment.getPropertySources();
		for (PropertySource<?> source : sources) {
			if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
				continue;
			}
			boolean dotEnv = source.getName().contains(DOT_ENV_SOURCE);
			boolean systemEnvironment = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME
				.equals(source.getName());
			if (dotEnv || (systemEnvironment && hasBlankVariable(enumerable))) {
				// A SystemEnvironmentPropertySource is what gives INTERACTOR_CLIENT_ID the relaxed mapping.
				sources.replace(source.getName(),
						new SystemEnvironmentPropertySource(source.getName(), withoutBlankVariables(enumerable)));
			}
		}
	}

	private static boolean hasBlankVariable(EnumerablePropertySource<?> source) {
		for (String name : source.getPropertyNames()) {
			if (isBlankVariable(name, source.getProperty(name))) {
				return true;
			}
		}
		return false;
	}

	private static Map<String, Object> withoutBlankVariables(EnumerablePropertySource<?> source) {
		Map<String, Object> kept = new LinkedHashMap<>();
		for (String name : source.getPropertyNames()) {
			Object value = source.getProperty(name);
			if (value != null && !isBlankVariable(name, value)) {
				kept.put(name, value);
			}
		}
		return kept;
	}

	private static boolean isBlankVariable(String name, @Nullable Object value) {
		return name.startsWith(PREFIX) && (value == null || !StringUtils.hasText(value.toString()));
	}

}
