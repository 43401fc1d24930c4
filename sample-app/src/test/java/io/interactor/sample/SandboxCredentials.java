package io.interactor.sample;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.util.StringUtils;

/**
 * Enables a test class only when {@code INTERACTOR_SANDBOX_CLIENT_ID} and {@code INTERACTOR_SANDBOX_CLIENT_SECRET}
 * are set, and says on the console when it is skipped (the way the platform's SDKs gate their integration tests).
 */
class SandboxCredentials implements ExecutionCondition {

	static final String CLIENT_ID = "INTERACTOR_SANDBOX_CLIENT_ID";

	static final String CLIENT_SECRET = "INTERACTOR_SANDBOX_CLIENT_SECRET";

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (StringUtils.hasText(System.getenv(CLIENT_ID)) && StringUtils.hasText(System.getenv(CLIENT_SECRET))) {
			return ConditionEvaluationResult.enabled("sandbox credentials are set");
		}
		if (context.getTestMethod().isEmpty()) {
			System.out.println(context.getDisplayName() + " skipped: set " + CLIENT_ID + " and " + CLIENT_SECRET
					+ " to run the sandbox tests against the real platform");
		}
		return ConditionEvaluationResult.disabled(CLIENT_ID + " and " + CLIENT_SECRET + " are not set");
	}

}
