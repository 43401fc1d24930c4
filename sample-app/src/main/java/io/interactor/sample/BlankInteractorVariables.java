package io.interactor.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.StringUtils;

/**
 * Treats an empty {@code INTERACTOR_*} variable as unset, whether it comes from the environment or from the
 * {@code .env} file: a copied {@code .env.example} or a shell that exports {@code INTERACTOR_WEBHOOK_SECRET=} must
 * not replace a default with an empty value. Registered in {@code META-INF/spring.factories}; runs after the
 * {@code .env} file was imported.
 */
class BlankInteractorVariables implements EnvironmentPostProcessor {

	private static final String PREFIX = "INTERACTOR_";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		MutablePropertySources sources = environment.getPropertySources();
		for (PropertySource<?> source : sources) {
			if (!(source instanceof EnumerablePropertySource<?> enumerable) || !hasBlankVariable(enumerable)) {
				continue;
			}
			Map<String, Object> kept = new LinkedHashMap<>();
			for (String name : enumerable.getPropertyNames()) {
				Object value = enumerable.getProperty(name);
				if (!isBlankVariable(name, value)) {
					kept.put(name, value);
				}
			}
			sources.replace(source.getName(), copy(source, kept));
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

	private static boolean isBlankVariable(String name, Object value) {
		return name.startsWith(PREFIX) && (value == null || !StringUtils.hasText(value.toString()));
	}

	private static PropertySource<?> copy(PropertySource<?> source, Map<String, Object> kept) {
		// The system environment keeps its type: Spring Boot binds INTERACTOR_CLIENT_ID to interactor.client-id
		// only from a SystemEnvironmentPropertySource.
		if (StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(source.getName())
				|| source instanceof SystemEnvironmentPropertySource) {
			return new SystemEnvironmentPropertySource(source.getName(), kept);
		}
		if (source instanceof OriginTrackedMapPropertySource) {
			return new OriginTrackedMapPropertySource(source.getName(), kept, true);
		}
		return new MapPropertySource(source.getName(), kept);
	}

}
