package io.interactor.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.StringUtils;

/**
 * Maps the environment variables the Interactor documents name ({@code INTERACTOR_CLIENT_ID}, ...) onto
 * {@code interactor.*} properties. Relaxed binding alone would read {@code INTERACTOR_CLIENT_ID} as
 * {@code interactor.client.id}, so without this users would have to write placeholders.
 * <p>
 * The aliases are added just after the system environment, so they rank like any environment variable: above
 * {@code application.yml}, below command-line arguments and system properties. A canonical variable
 * ({@code INTERACTOR_CLIENTID}) still wins over its documented alias.
 */
public class InteractorEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding the mapped aliases. */
	public static final String PROPERTY_SOURCE_NAME = "interactorEnvironmentAliases";

	private static final Map<String, String> ALIASES = Map.of("INTERACTOR_CLIENT_ID", "interactor.client-id",
			"INTERACTOR_CLIENT_SECRET", "interactor.client-secret", "INTERACTOR_SCOPES", "interactor.scopes",
			"INTERACTOR_ACCOUNT_SERVER_URL", "interactor.account-server-url", "INTERACTOR_CORE_API_URL",
			"interactor.core-api-url", "INTERACTOR_WEBHOOK_SECRET", "interactor.webhook.secret");

	/** Both spellings of the previous webhook secret found in the documents; together they form the list. */
	private static final String[] PREVIOUS_SECRET_VARIABLES = { "INTERACTOR_WEBHOOK_SECRET_PREVIOUS",
			"INTERACTOR_WEBHOOK_SECRET_OLD" };

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		MutablePropertySources sources = environment.getPropertySources();
		PropertySource<?> systemEnvironment = sources
			.get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		if (systemEnvironment == null || sources.contains(PROPERTY_SOURCE_NAME)) {
			return;
		}
		Map<String, Object> mapped = new LinkedHashMap<>();
		ALIASES.forEach((variable, property) -> {
			Object value = systemEnvironment.getProperty(variable);
			if (value != null && StringUtils.hasText(value.toString())) {
				mapped.put(property, value);
			}
		});
		StringJoiner previousSecrets = new StringJoiner(",");
		for (String variable : PREVIOUS_SECRET_VARIABLES) {
			Object value = systemEnvironment.getProperty(variable);
			if (value != null && StringUtils.hasText(value.toString())) {
				previousSecrets.add(value.toString());
			}
		}
		if (previousSecrets.length() > 0) {
			mapped.put("interactor.webhook.previous-secrets", previousSecrets.toString());
		}
		if (!mapped.isEmpty()) {
			sources.addAfter(systemEnvironment.getName(), new MapPropertySource(PROPERTY_SOURCE_NAME, mapped));
		}
	}

}
