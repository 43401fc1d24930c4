package io.interactor.sample;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Decides from {@code interactor.mock.enabled} whether the sample runs against the embedded mock platform:
 * {@code true} always, {@code false} never (the default when the property is absent), {@code when-no-credentials}
 * (the sample's {@code application.yml}) only while {@code interactor.client-id} or {@code interactor.client-secret}
 * is empty.
 */
class EmbeddedMockMode extends SpringBootCondition {

	static final String PROPERTY = "interactor.mock.enabled";

	static final String WHEN_NO_CREDENTIALS = "when-no-credentials";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String reason = reason(context.getEnvironment());
		return (reason != null) ? ConditionOutcome.match(reason)
				: ConditionOutcome.noMatch(PROPERTY + " is false, or credentials are configured");
	}

	/**
	 * Why the mock starts.
	 * @param environment the application's environment
	 * @return the reason, for the log, or {@code null} when it does not start
	 */
	static @Nullable String reason(Environment environment) {
		String mode = environment.getProperty(PROPERTY, "false").trim().toLowerCase(Locale.ROOT);
		switch (mode) {
			case "true":
				return PROPERTY + "=true";
			case "false":
				return null;
			case WHEN_NO_CREDENTIALS:
				boolean credentials = StringUtils.hasText(environment.getProperty("interactor.client-id"))
						&& StringUtils.hasText(environment.getProperty("interactor.client-secret"));
				return credentials ? null
						: "no Interactor credentials are configured (INTERACTOR_CLIENT_ID / INTERACTOR_CLIENT_SECRET) "
								+ "and " + PROPERTY + "=" + WHEN_NO_CREDENTIALS;
			default:
				throw new IllegalStateException(
						PROPERTY + " must be true, false or " + WHEN_NO_CREDENTIALS + ", not '" + mode + "'");
		}
	}

}
