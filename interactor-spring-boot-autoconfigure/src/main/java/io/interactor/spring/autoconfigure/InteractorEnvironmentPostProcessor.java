package io.interactor.spring.autoconfigure;

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
 * Maps the environment variables the Interactor documents onto {@code interactor.*} properties where relaxed
 * binding cannot: {@code INTERACTOR_WEBHOOK_SECRET_PREVIOUS} and {@code INTERACTOR_WEBHOOK_SECRET_OLD} (both
 * spellings appear in the platform's documents) together form {@code interactor.webhook.previous-secrets}.
 * <p>
 * The other documented names ({@code INTERACTOR_CLIENT_ID}, {@code INTERACTOR_CLIENT_SECRET},
 * {@code INTERACTOR_SCOPES}, {@code INTERACTOR_ACCOUNT_SERVER_URL}, {@code INTERACTOR_CORE_API_URL},
 * {@code INTERACTOR_WEBHOOK_SECRET}) need no mapping: Spring Boot's binder also tries the form with the dashes
 * turned into underscores, so they bind to {@code interactor.client-id} and so on as they are (a test guards this).
 * <p>
 * The mapped values are added just after the system environment, so they rank like any environment variable:
 * above {@code application.yml}, below command-line arguments and system properties.
 *
 * @since 0.1.0
 */
public class InteractorEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding the mapped aliases. */
	public static final String PROPERTY_SOURCE_NAME = "interactorEnvironmentAliases";

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
		StringJoiner previousSecrets = new StringJoiner(",");
		for (String variable : PREVIOUS_SECRET_VARIABLES) {
			Object value = systemEnvironment.getProperty(variable);
			if (value != null && StringUtils.hasText(value.toString())) {
				previousSecrets.add(value.toString());
			}
		}
		if (previousSecrets.length() > 0) {
			sources.addAfter(systemEnvironment.getName(), new MapPropertySource(PROPERTY_SOURCE_NAME,
					Map.of("interactor.webhook.previous-secrets", previousSecrets.toString())));
		}
	}

}
