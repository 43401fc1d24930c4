package io.interactor.spring.autoconfigure;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.interactor.spring.webhook.WebhookEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Reflection hints for a native image: Jackson reads and writes the client's model records (requests, responses,
 * {@code Page}, {@code PageMeta}, the wire enums with their {@code @JsonCreator} factories) and the webhook payload
 * records reflectively, and nothing in a bean definition would tell Spring's AOT engine about them.
 * <p>
 * The types are found by scanning the model packages while the hints are computed (at build time only), so a record
 * added later is covered without editing a list. Handler methods are covered separately: {@code @InteractorWebhook}
 * is {@code @Reflective}, so the AOT engine registers every annotated method of a bean and its payload types.
 * Registered in {@code META-INF/spring/aot.factories} so the hints apply even where the client is built by hand.
 */
class InteractorRuntimeHints implements RuntimeHintsRegistrar {

	/**
	 * Packages whose public records and enums are Jackson-bound models, or public API records (such as
	 * {@code StreamEvent}) that applications commonly hand to Jackson themselves, e.g. from a controller.
	 */
	static final List<String> MODEL_PACKAGES = List.of("io.interactor.spring.client", "io.interactor.spring.webhook");

	/**
	 * Internals of the scanned packages that are never (de)serialized: their records are value objects built in code.
	 */
	private static final List<String> EXCLUDED_PACKAGES = List.of("io.interactor.spring.client.http.",
			"io.interactor.spring.client.auth.", "io.interactor.spring.webhook.dispatch.",
			"io.interactor.spring.webhook.idempotency.", "io.interactor.spring.webhook.signature.",
			"io.interactor.spring.webhook.web.");

	private final BindingReflectionHintsRegistrar bindingRegistrar = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		for (Class<?> model : modelTypes(classLoader)) {
			this.bindingRegistrar.registerReflectionHints(hints.reflection(), model);
		}
		// Not a record: built by the dispatcher, but applications serialise or inspect it (SpEL, logging, replay).
		hints.reflection()
			.registerType(WebhookEvent.class, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS,
					MemberCategory.INVOKE_PUBLIC_METHODS);
		// @JsonNaming(SnakeCaseStrategy.class) on request records: Jackson instantiates the strategy reflectively.
		hints.reflection()
			.registerType(PropertyNamingStrategies.SnakeCaseStrategy.class,
					MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
	}

	/**
	 * The public records and enums of the model packages, sorted by name.
	 * @param classLoader the class loader to scan, or {@code null} for the default one
	 * @return the model types
	 */
	static List<Class<?>> modelTypes(@Nullable ClassLoader classLoader) {
		ClassLoader loader = (classLoader != null) ? classLoader : ClassUtils.getDefaultClassLoader();
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition beanDefinition) {
				// Static nested records (WorkflowInstanceData.Presentation) count; inner and local classes do not.
				return beanDefinition.getMetadata().isIndependent();
			}

		};
		scanner.setResourceLoader(new DefaultResourceLoader(loader));
		TypeFilter recordOrEnum = (reader, factory) -> {
			String superClass = reader.getClassMetadata().getSuperClassName();
			return "java.lang.Record".equals(superClass) || "java.lang.Enum".equals(superClass);
		};
		scanner.addIncludeFilter(recordOrEnum);
		Set<String> names = new TreeSet<>();
		for (String basePackage : MODEL_PACKAGES) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
				String name = candidate.getBeanClassName();
				if (name != null && EXCLUDED_PACKAGES.stream().noneMatch(name::startsWith)) {
					names.add(name);
				}
			}
		}
		List<Class<?>> types = new ArrayList<>();
		for (String name : names) {
			// Loaded at build time only (hints are computed during AOT processing), so loading is cheap and safe.
			Class<?> type = ClassUtils.resolveClassName(name, loader);
			if (Modifier.isPublic(type.getModifiers())) {
				types.add(type);
			}
		}
		return types;
	}

}
