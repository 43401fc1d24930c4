package io.interactor.spring.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Set;

import io.interactor.spring.autoconfigure.UnresolvedInteractorPlaceholderException.UnresolvedValue;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup failure caused by {@link UnresolvedInteractorPlaceholderException}: which settings still hold a
 * {@code ${...}} placeholder and which environment variables to set. Never prints a value.
 */
class UnresolvedInteractorPlaceholderFailureAnalyzer
		extends AbstractFailureAnalyzer<UnresolvedInteractorPlaceholderException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnresolvedInteractorPlaceholderException cause) {
		StringBuilder description = new StringBuilder();
		String bean = cause.getConnectionDetailsBean();
		description.append((bean != null) ? "Values supplied by " + bean : "Interactor configuration properties")
			.append(" still contain a ${...} placeholder that nothing resolved, so the placeholder text itself would ")
			.append("be used as the credential, secret or URL:");
		for (UnresolvedValue value : cause.getValues()) {
			description.append("\n    ").append(value.describe());
		}
		StringBuilder action = new StringBuilder();
		if (bean != null) {
			action.append("Make ").append(bean).append(" return resolved values.");
			return new FailureAnalysis(description.toString(), action.toString(), cause);
		}
		action.append("Set the environment variables:");
		Set<String> lines = new LinkedHashSet<>();
		for (UnresolvedValue value : cause.getValues()) {
			StringBuilder line = new StringBuilder("\n    ").append(value.environmentVariable())
				.append("=<value>   (").append(value.name());
			if (value.placeholder() != null && !value.placeholder().equals(value.environmentVariable())) {
				line.append("; or define ").append(value.placeholder()).append(", which its placeholder refers to");
			}
			lines.add(line.append(')').toString());
		}
		lines.forEach(action::append);
		action.append("\nA value that may stay unset needs an empty default in its placeholder, e.g. ")
			.append("${INTERACTOR_CLIENT_ID:}; it then counts as not set. Blank values count as not set too.");
		return new FailureAnalysis(description.toString(), action.toString(), cause);
	}

}
