package io.interactor.spring.autoconfigure;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at startup when an {@code interactor.*} value, or a value of an {@link InteractorConnectionDetails} bean,
 * still contains a {@code ${...}} placeholder that nothing resolved, typically {@code ${INTERACTOR_WEBHOOK_SECRET}}
 * in {@code application.yml} while that environment variable is not set. Spring Boot binds such a value as it is,
 * so without this check the placeholder text itself would be used as a secret, credential or URL.
 * <p>
 * Neither the message nor the accessors ever contain a value: only the names of the settings, their environment
 * variables and, when a value is nothing but one placeholder, the name that placeholder refers to.
 *
 * @since 0.1.0
 */
public class UnresolvedInteractorPlaceholderException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private static final Pattern SINGLE_PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-\\[\\]]+)}");

	private final @Nullable String connectionDetailsBean;

	private final List<UnresolvedValue> values;

	/**
	 * Create the exception.
	 * @param connectionDetailsBean a description of the {@link InteractorConnectionDetails} bean that supplied the
	 * values, or {@code null} when they are {@code interactor.*} properties
	 * @param values the values with an unresolved placeholder; not empty
	 */
	public UnresolvedInteractorPlaceholderException(@Nullable String connectionDetailsBean,
			List<UnresolvedValue> values) {
		super(message(connectionDetailsBean, values));
		this.connectionDetailsBean = connectionDetailsBean;
		this.values = List.copyOf(values);
	}

	private static String message(@Nullable String connectionDetailsBean, List<UnresolvedValue> values) {
		StringBuilder message = new StringBuilder("Unresolved ${...} placeholder in ");
		if (connectionDetailsBean != null) {
			message.append("the values of ").append(connectionDetailsBean).append(": ");
		}
		for (int i = 0; i < values.size(); i++) {
			message.append((i > 0) ? ", " : "").append(values.get(i).describe());
		}
		return message.append(". Set the environment variables they refer to, or give an optional one an empty ")
			.append("default such as ${INTERACTOR_CLIENT_ID:}.")
			.toString();
	}

	/**
	 * Whether a value still contains a {@code ${...}} placeholder.
	 * @param value the bound value
	 * @return {@code true} when it holds {@code ${} followed later by <code>}</code>
	 */
	public static boolean isUnresolved(@Nullable String value) {
		if (value == null) {
			return false;
		}
		int start = value.indexOf("${");
		return start >= 0 && value.indexOf('}', start + 2) > 0;
	}

	/**
	 * Describe an unresolved value of a property without revealing it.
	 * @param property the property name, e.g. {@code interactor.webhook.secret}
	 * @param value the bound value, which {@link #isUnresolved(String) is unresolved}
	 * @return the description
	 */
	static UnresolvedValue property(String property, String value) {
		return new UnresolvedValue(property, environmentVariable(property), placeholderName(value));
	}

	/**
	 * The name the value refers to when it is nothing but one placeholder: that text is configuration, not a secret.
	 * A value mixing text and placeholders may be a partly resolved secret, so nothing of it is kept.
	 */
	static @Nullable String placeholderName(String value) {
		Matcher matcher = SINGLE_PLACEHOLDER.matcher(value.trim());
		return matcher.matches() ? matcher.group(1) : null;
	}

	/**
	 * The environment variable Spring Boot binds to a property ({@code interactor.webhook.secret} is bound from
	 * {@code INTERACTOR_WEBHOOK_SECRET}); {@code interactor.webhook.previous-secrets} has its documented names.
	 */
	static String environmentVariable(String property) {
		String name = property.replaceAll("\\[\\d+]$", "");
		if ("interactor.webhook.previous-secrets".equals(name)) {
			return "INTERACTOR_WEBHOOK_SECRET_PREVIOUS";
		}
		return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
	}

	/**
	 * The {@link InteractorConnectionDetails} bean that supplied the values.
	 * @return its description (name and type), or {@code null} when the values are {@code interactor.*} properties
	 */
	public @Nullable String getConnectionDetailsBean() {
		return this.connectionDetailsBean;
	}

	/**
	 * The values that still contain a placeholder.
	 * @return the values, in the order they were checked
	 */
	public List<UnresolvedValue> getValues() {
		return this.values;
	}

	/**
	 * A value with an unresolved placeholder, described without the value itself.
	 *
	 * @param name the property ({@code interactor.client-secret}) or, for an {@link InteractorConnectionDetails} bean,
	 * the value's name ({@code clientSecret})
	 * @param environmentVariable the environment variable Spring Boot binds to the property, or {@code null} for a
	 * value of an {@link InteractorConnectionDetails} bean
	 * @param placeholder the name the placeholder refers to when the value is nothing but one placeholder
	 * ({@code INTERACTOR_WEBHOOK_SECRET} for <code>${INTERACTOR_WEBHOOK_SECRET}</code>), else {@code null}
	 * @since 0.1.0
	 */
	public record UnresolvedValue(String name, @Nullable String environmentVariable, @Nullable String placeholder) {

		String describe() {
			return (this.placeholder != null) ? this.name + " refers to ${" + this.placeholder + "}, which is not set"
					: this.name + " contains a placeholder that is not resolved";
		}

	}

}
