package io.interactor.spring.client.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.interactor.spring.client.core.RequestOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * One logical Core API call: method, path template with its variables, query, body, namespace and options.
 * Arguments are validated here, before any I/O: the namespace must be printable ASCII without surrounding spaces
 * (it travels as a header, which carries nothing else unchanged: CR/LF would split it, other characters arrive as
 * {@code ?}, surrounding spaces are stripped), path variables must be non-blank and not {@code .} or {@code ..}
 * (they are always sent encoded as single path segments, so no id can change the path), and path variables and
 * query values must be well-formed UTF-16 (an unpaired surrogate would be sent as {@code ?}, another value).
 *
 * @since 0.1.0
 */
public final class ApiRequest {

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	private final HttpMethod method;

	private final String pathTemplate;

	private final Map<String, Object> pathVariables;

	private final Map<String, List<String>> query = new LinkedHashMap<>();

	private final String namespace;

	private @Nullable Object body;

	private RequestOptions options = RequestOptions.none();

	private boolean generateIdempotencyKey;

	private ApiRequest(HttpMethod method, String namespace, String pathTemplate, Object... pathVariables) {
		this.method = method;
		this.namespace = requireNamespace(namespace);
		this.pathTemplate = pathTemplate;
		this.pathVariables = bind(pathTemplate, pathVariables);
	}

	/**
	 * A GET request.
	 * @param namespace the namespace sent as {@code X-Namespace}
	 * @param pathTemplate the path relative to the Core API base URL, with {@code {variables}}
	 * @param pathVariables the variable values, in template order
	 * @return the request
	 */
	public static ApiRequest get(String namespace, String pathTemplate, Object... pathVariables) {
		return new ApiRequest(HttpMethod.GET, namespace, pathTemplate, pathVariables);
	}

	/**
	 * A POST request.
	 * @param namespace the namespace sent as {@code X-Namespace}
	 * @param pathTemplate the path relative to the Core API base URL, with {@code {variables}}
	 * @param pathVariables the variable values, in template order
	 * @return the request
	 */
	public static ApiRequest post(String namespace, String pathTemplate, Object... pathVariables) {
		return new ApiRequest(HttpMethod.POST, namespace, pathTemplate, pathVariables);
	}

	/**
	 * A PATCH request.
	 * @param namespace the namespace sent as {@code X-Namespace}
	 * @param pathTemplate the path relative to the Core API base URL, with {@code {variables}}
	 * @param pathVariables the variable values, in template order
	 * @return the request
	 */
	public static ApiRequest patch(String namespace, String pathTemplate, Object... pathVariables) {
		return new ApiRequest(HttpMethod.PATCH, namespace, pathTemplate, pathVariables);
	}

	/**
	 * A PUT request.
	 * @param namespace the namespace sent as {@code X-Namespace}
	 * @param pathTemplate the path relative to the Core API base URL, with {@code {variables}}
	 * @param pathVariables the variable values, in template order
	 * @return the request
	 */
	public static ApiRequest put(String namespace, String pathTemplate, Object... pathVariables) {
		return new ApiRequest(HttpMethod.PUT, namespace, pathTemplate, pathVariables);
	}

	/**
	 * A DELETE request.
	 * @param namespace the namespace sent as {@code X-Namespace}
	 * @param pathTemplate the path relative to the Core API base URL, with {@code {variables}}
	 * @param pathVariables the variable values, in template order
	 * @return the request
	 */
	public static ApiRequest delete(String namespace, String pathTemplate, Object... pathVariables) {
		return new ApiRequest(HttpMethod.DELETE, namespace, pathTemplate, pathVariables);
	}

	/**
	 * Add a query parameter; {@code null} values are skipped, collections become repeated parameters.
	 * @param name the parameter name
	 * @param value the value
	 * @return this request
	 */
	public ApiRequest query(String name, @Nullable Object value) {
		if (value instanceof Collection<?> values) {
			values.forEach((element) -> query(name, element));
		}
		else if (value != null) {
			this.query.computeIfAbsent(name, (key) -> new ArrayList<>()).add(requireWellFormed(name, value.toString()));
		}
		return this;
	}

	/**
	 * Set the JSON body.
	 * @param body the body, serialised with the client's JSON mapper
	 * @return this request
	 */
	public ApiRequest body(@Nullable Object body) {
		this.body = body;
		return this;
	}

	/**
	 * Set the caller's options.
	 * @param options the options
	 * @return this request
	 */
	public ApiRequest options(@Nullable RequestOptions options) {
		this.options = (options != null) ? options : RequestOptions.none();
		return this;
	}

	/**
	 * Generate an {@code Idempotency-Key} when the caller gave none: for creates the platform deduplicates.
	 * @return this request
	 */
	public ApiRequest generateIdempotencyKey() {
		this.generateIdempotencyKey = true;
		return this;
	}

	public HttpMethod method() {
		return this.method;
	}

	public String pathTemplate() {
		return this.pathTemplate;
	}

	public Map<String, Object> pathVariables() {
		return Collections.unmodifiableMap(this.pathVariables);
	}

	public Map<String, List<String>> query() {
		return Collections.unmodifiableMap(this.query);
	}

	public String namespace() {
		return this.namespace;
	}

	public @Nullable Object body() {
		return this.body;
	}

	public RequestOptions options() {
		return this.options;
	}

	public boolean isGenerateIdempotencyKey() {
		return this.generateIdempotencyKey;
	}

	/**
	 * Validate a namespace.
	 * @param namespace the namespace
	 * @return the namespace
	 * @throws IllegalArgumentException if it is null, blank, contains control characters, contains characters
	 * outside printable ASCII or starts or ends with a space
	 */
	public static String requireNamespace(@Nullable String namespace) {
		if (namespace == null || namespace.isBlank()) {
			throw new IllegalArgumentException("namespace must not be null or blank: every Interactor Core API call "
					+ "is scoped to a namespace (e.g. \"user_123\")");
		}
		if (namespace.chars().anyMatch(Character::isISOControl)) {
			throw new IllegalArgumentException("namespace must not contain CR, LF or other control characters");
		}
		// X-Namespace carries printable ASCII unchanged, nothing else: another character would reach the platform
		// as "?" and surrounding spaces would be stripped, so two namespaces could arrive as the same one.
		if (namespace.chars().anyMatch((c) -> c < 0x20 || c > 0x7e) || namespace.charAt(0) == ' '
				|| namespace.charAt(namespace.length() - 1) == ' ') {
			throw new IllegalArgumentException("namespace must be printable ASCII without leading or trailing spaces: "
					+ "it is sent as the X-Namespace header");
		}
		return namespace;
	}

	private static Map<String, Object> bind(String template, Object[] values) {
		Map<String, Object> variables = new LinkedHashMap<>();
		Matcher matcher = VARIABLE.matcher(template);
		int index = 0;
		while (matcher.find()) {
			Assert.isTrue(index < values.length, () -> "Missing value for {" + matcher.group(1) + "} in " + template);
			variables.put(matcher.group(1), requirePathValue(matcher.group(1), values[index++]));
		}
		Assert.isTrue(index == values.length, () -> "Too many path variables for " + template);
		return variables;
	}

	private static Object requirePathValue(String name, @Nullable Object value) {
		if (value == null || value.toString().isBlank()) {
			throw new IllegalArgumentException(name + " must not be null or blank");
		}
		String text = value.toString();
		if (text.equals(".") || text.equals("..")) {
			throw new IllegalArgumentException(name + " must not be \".\" or \"..\"");
		}
		return requireWellFormed(name, text);
	}

	/**
	 * Reject an unpaired surrogate: encoded as UTF-8 it becomes {@code ?}, so the server would receive another value
	 * (and two values could arrive as the same one).
	 */
	private static String requireWellFormed(String name, String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				throw new IllegalArgumentException(name + " must be well-formed Unicode text (no unpaired surrogate)");
			}
		}
		return text;
	}

}
