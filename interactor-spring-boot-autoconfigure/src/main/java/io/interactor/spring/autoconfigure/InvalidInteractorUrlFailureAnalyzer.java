package io.interactor.spring.autoconfigure;

import java.util.Locale;
import java.util.Set;

import io.interactor.spring.client.core.InteractorEnvironment;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Explains an invalid {@code interactor.account-server-url} or {@code interactor.core-api-url}, naming the
 * environment variable and the default of each {@link InteractorEnvironment}. Ordered before Spring Boot's generic
 * analyzer of {@link InvalidConfigurationPropertyValueException}, which still handles every other property: for
 * those this analyzer returns {@code null}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvalidInteractorUrlFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationPropertyValueException> {

	static final String ACCOUNT_SERVER_URL = "interactor.account-server-url";

	static final String CORE_API_URL = "interactor.core-api-url";

	private static final Set<String> PROPERTIES = Set.of(ACCOUNT_SERVER_URL, CORE_API_URL);

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure,
			InvalidConfigurationPropertyValueException cause) {
		String property = cause.getName();
		if (!PROPERTIES.contains(property)) {
			return null;
		}
		boolean core = CORE_API_URL.equals(property);
		String server = core ? "Core API" : "Account Server";
		String description = "The Interactor " + server + " base URL '" + cause.getValue() + "' set with "
				+ property + " is not an absolute http(s) URL.";
		StringBuilder defaults = new StringBuilder();
		for (InteractorEnvironment environment : InteractorEnvironment.values()) {
			defaults.append("\n    ")
				.append(environment.name().toLowerCase(Locale.ROOT))
				.append(": ")
				.append(core ? environment.coreApiUrl() : environment.accountServerUrl());
		}
		String action = "Set the environment variable " + environmentVariable(property) + " (or the property "
				+ property + ") to the " + server + " base URL including the version path, or remove it to use the "
				+ "default of interactor.environment (INTERACTOR_ENVIRONMENT):" + defaults;
		return new FailureAnalysis(description, action, cause);
	}

	private static String environmentVariable(String property) {
		return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
	}

}
