package io.interactor.spring.autoconfigure;

import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the {@code spring-configuration-metadata.json} that the configuration processor generated for this module
 * (with {@code additional-spring-configuration-metadata.json} merged in) against {@link InteractorProperties} itself.
 * <p>
 * The bindable properties are found by walking {@link InteractorProperties} and its nested classes, so a property
 * added later without Javadoc, with a default the metadata does not show, or with enum values lacking a hint fails
 * here rather than in someone's IDE.
 */
class InteractorPropertiesMetadataTests {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private static Map<String, JsonNode> metadataProperties;

	private static Map<String, JsonNode> metadataHints;

	private static Map<String, BindableProperty> bindableProperties;

	@BeforeAll
	static void load() throws Exception {
		JsonNode metadata = generatedMetadata();
		metadataProperties = byName(metadata.path("properties"));
		metadataHints = byName(metadata.path("hints"));
		bindableProperties = new LinkedHashMap<>();
		collect("interactor", InteractorProperties.class, new InteractorProperties(), bindableProperties);
	}

	@Test
	void walkFindsTheKnownProperties() {
		// Guards the walk itself: if it stopped descending into nested classes every other test would pass vacuously.
		assertThat(bindableProperties).containsKeys("interactor.client-id", "interactor.environment",
				"interactor.token.request-format", "interactor.http.connect-timeout", "interactor.retry.max-retries",
				"interactor.webhook.max-payload-size", "interactor.webhook.previous-secrets",
				"interactor.webhook.idempotency.store", "interactor.webhook.security.permit-path");
	}

	@Test
	void everyBindablePropertyHasMetadataWithADescription() {
		List<String> missing = new ArrayList<>();
		List<String> undescribed = new ArrayList<>();
		bindableProperties.keySet().forEach((name) -> {
			JsonNode property = metadataProperties.get(name);
			if (property == null) {
				missing.add(name);
			}
			else if (property.path("description").asString("").isBlank()) {
				undescribed.add(name);
			}
		});
		assertThat(missing).as("properties without metadata").isEmpty();
		assertThat(undescribed).as("properties without a description (Javadoc on the field)").isEmpty();
	}

	@Test
	void metadataNamesNoPropertyThatCannotBeBound() {
		// An entry of additional-spring-configuration-metadata.json with a typo would otherwise advertise a property
		// that binds to nothing. Entries from other @ConfigurationProperties classes are not ours to judge.
		List<String> stale = metadataProperties.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith("interactor."))
			.filter((entry) -> isFromInteractorProperties(entry.getValue()))
			.map(Map.Entry::getKey)
			.filter((name) -> !bindableProperties.containsKey(name))
			.toList();
		assertThat(stale).isEmpty();
	}

	@Test
	void everyDefaultValueIsDocumentedAndMatchesTheFieldInitializer() {
		List<String> problems = new ArrayList<>();
		bindableProperties.forEach((name, property) -> {
			JsonNode metadata = metadataProperties.get(name);
			if (metadata == null) {
				return; // reported by everyBindablePropertyHasMetadataWithADescription
			}
			JsonNode documented = metadata.get("defaultValue");
			Object actual = property.defaultValue();
			if (actual == null) {
				boolean documentsNothing = documented == null || documented.isNull()
						|| (documented.isArray() && documented.isEmpty());
				if (!documentsNothing) {
					problems.add(name + ": documents " + documented + " but has no default");
				}
				return;
			}
			if (documented == null) {
				problems.add(name + ": default " + actual + " is not in the metadata");
				return;
			}
			Object converted = convert(documented, property.descriptor());
			if (!actual.equals(converted)) {
				problems.add(name + ": metadata says " + documented + " (" + converted + ") but the default is "
						+ actual);
			}
		});
		assertThat(problems).isEmpty();
	}

	@Test
	void everyEnumPropertyHasAHintWithADescribedValuePerConstant() {
		List<String> problems = new ArrayList<>();
		bindableProperties.forEach((name, property) -> {
			Class<?> type = property.descriptor().getType();
			if (!type.isEnum()) {
				return;
			}
			JsonNode hint = metadataHints.get(name);
			if (hint == null) {
				problems.add(name + ": no hint");
				return;
			}
			Set<String> expected = Arrays.stream(type.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
				.collect(Collectors.toCollection(TreeSet::new));
			Set<String> hinted = new TreeSet<>();
			for (JsonNode value : hint.path("values")) {
				hinted.add(value.path("value").asString(""));
				if (value.path("description").asString("").isBlank()) {
					problems.add(name + ": value " + value.path("value") + " has no description");
				}
			}
			if (!hinted.equals(expected)) {
				problems.add(name + ": hint values " + hinted + " but the enum has " + expected);
			}
		});
		assertThat(problems).isEmpty();
	}

	@Test
	void documentedEnumeratedValuesAreHinted() {
		assertThat(hintValues("interactor.environment")).containsExactly("production", "sandbox");
		assertThat(hintValues("interactor.token.request-format")).containsExactly("json", "form", "basic");
		assertThat(hintValues("interactor.webhook.signature-scheme")).containsExactly("auto", "timestamped", "body");
		assertThat(hintValues("interactor.webhook.idempotency.store")).containsExactly("auto", "memory", "redis");
	}

	@Test
	void documentedDefaults() {
		assertThat(defaultValue("interactor.environment")).isEqualTo("production");
		assertThat(defaultValue("interactor.token.refresh-before-expiry")).isEqualTo("60s");
		assertThat(defaultValue("interactor.token.request-format")).isEqualTo("json");
		assertThat(defaultValue("interactor.webhook.path")).isEqualTo("/webhooks/interactor");
		assertThat(defaultValue("interactor.webhook.tolerance")).isEqualTo("5m");
		assertThat(defaultValue("interactor.webhook.signature-scheme")).isEqualTo("auto");
		assertThat(defaultValue("interactor.webhook.max-payload-size")).isEqualTo("1MB");
		assertThat(defaultValue("interactor.webhook.idempotency.store")).isEqualTo("auto");
		assertThat(defaultValue("interactor.webhook.idempotency.ttl")).isEqualTo("7d");
	}

	@Test
	void healthIndicatorSwitchIsDescribed() {
		// Not an interactor.* property, so no walk finds it: its name is derived the way Spring Boot derives it from
		// @ConditionalOnEnabledHealthIndicator, so a renamed indicator fails here too.
		String name = "management.health."
				+ InteractorHealthContributorAutoConfiguration.class
					.getAnnotation(ConditionalOnEnabledHealthIndicator.class)
					.value()
				+ ".enabled";
		assertThat(name).isEqualTo("management.health.interactor.enabled");
		assertThat(metadataProperties).containsKey(name);
		JsonNode property = metadataProperties.get(name);
		assertThat(property.path("type").asString()).isEqualTo(Boolean.class.getName());
		assertThat(property.path("defaultValue").isBoolean()).isTrue();
		assertThat(property.path("defaultValue").asBoolean()).isTrue();
		assertThat(property.path("description").asString("")).isNotBlank();
	}

	private static List<String> hintValues(String name) {
		assertThat(metadataHints).containsKey(name);
		List<String> values = new ArrayList<>();
		metadataHints.get(name).path("values").forEach((value) -> values.add(value.path("value").asString()));
		return values;
	}

	private static String defaultValue(String name) {
		assertThat(metadataProperties).containsKey(name);
		return metadataProperties.get(name).path("defaultValue").asString();
	}

	private static boolean isFromInteractorProperties(JsonNode property) {
		JsonNode sourceType = property.get("sourceType");
		return sourceType == null
				|| sourceType.asString().startsWith(InteractorProperties.class.getName());
	}

	private static @Nullable Object convert(JsonNode value, TypeDescriptor target) {
		if (value.isArray()) {
			List<String> items = new ArrayList<>();
			value.forEach((item) -> items.add(item.asString()));
			return ApplicationConversionService.getSharedInstance()
				.convert(items, TypeDescriptor.collection(List.class, TypeDescriptor.valueOf(String.class)), target);
		}
		// Numbers and booleans are JSON literals in the metadata; binding sees them as text, so compare that way.
		return ApplicationConversionService.getSharedInstance()
			.convert(value.asString(), TypeDescriptor.valueOf(String.class), target);
	}

	/**
	 * Walks the JavaBean properties the binder uses: a property with a setter, or a collection or map exposed by its
	 * getter, is a leaf; a nested class of {@link InteractorProperties} (or a type marked
	 * {@link NestedConfigurationProperty}) is descended into.
	 */
	private static void collect(String prefix, Class<?> type, Object instance, Map<String, BindableProperty> found)
			throws Exception {
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
			if (descriptor.getReadMethod() == null || "class".equals(descriptor.getName())) {
				continue;
			}
			String name = prefix + "." + DataObjectPropertyName.toDashedForm(descriptor.getName());
			Class<?> propertyType = descriptor.getPropertyType();
			Object value = descriptor.getReadMethod().invoke(instance);
			if (isNested(type, descriptor)) {
				assertThat(value).as("nested property %s is initialized", name).isNotNull();
				collect(name, propertyType, value, found);
			}
			else if (descriptor.getWriteMethod() != null || Collection.class.isAssignableFrom(propertyType)
					|| Map.class.isAssignableFrom(propertyType)) {
				TypeDescriptor typeDescriptor = new TypeDescriptor(
						new org.springframework.core.convert.Property(type, descriptor.getReadMethod(),
								descriptor.getWriteMethod(), descriptor.getName()));
				found.put(name, new BindableProperty(typeDescriptor, meaningfulDefault(value)));
			}
		}
	}

	private static boolean isNested(Class<?> owner, PropertyDescriptor descriptor) {
		Class<?> type = descriptor.getPropertyType();
		if (type.isEnum() || type.isPrimitive()) {
			return false;
		}
		var field = ReflectionUtils.findField(owner, descriptor.getName());
		if (field != null && field.isAnnotationPresent(NestedConfigurationProperty.class)) {
			return true;
		}
		for (Class<?> enclosing = type.getEnclosingClass(); enclosing != null; enclosing = enclosing
			.getEnclosingClass()) {
			if (enclosing == InteractorProperties.class) {
				return true;
			}
		}
		return false;
	}

	/** An empty collection or map is "no default" for the metadata as for a reader. */
	private static @Nullable Object meaningfulDefault(@Nullable Object value) {
		if (value instanceof Collection<?> collection && collection.isEmpty()) {
			return null;
		}
		if (value instanceof Map<?, ?> map && map.isEmpty()) {
			return null;
		}
		return value;
	}

	private static JsonNode generatedMetadata() throws Exception {
		// Every Spring Boot jar ships one of these too: pick this module's own, generated into target/classes.
		for (URL url : Collections.list(InteractorPropertiesMetadataTests.class.getClassLoader()
			.getResources(METADATA))) {
			try (InputStream in = url.openStream()) {
				JsonNode metadata = JsonMapper.builder().build().readTree(in);
				for (JsonNode group : metadata.path("groups")) {
					if (InteractorProperties.class.getName().equals(group.path("type").asString(""))) {
						assertThat(url.getProtocol()).as("metadata generated by this build, not a jar: %s", url)
							.isEqualTo("file");
						return metadata;
					}
				}
			}
		}
		throw new AssertionError("No generated " + METADATA + " describes " + InteractorProperties.class.getName());
	}

	private static Map<String, JsonNode> byName(JsonNode items) {
		Map<String, JsonNode> byName = new LinkedHashMap<>();
		items.forEach((item) -> byName.put(item.path("name").asString(), item));
		return byName;
	}

	private record BindableProperty(TypeDescriptor descriptor, @Nullable Object defaultValue) {

	}

}
