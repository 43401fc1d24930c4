package io.interactor.spring.webhook;

import java.lang.reflect.Method;
import java.util.List;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.aot.hint.annotation.SimpleReflectiveProcessor;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;

/**
 * Registers what a native image needs to call an {@link InteractorWebhook} method: the method itself (the dispatcher
 * invokes it reflectively) and binding hints for the payload types Jackson converts {@code data} into, whether the
 * parameter is the payload record or a {@link WebhookEvent WebhookEvent&lt;T&gt;} of it.
 * <p>
 * Used by Spring's AOT engine through {@code @Reflective} on {@link InteractorWebhook}, for every bean class with an
 * annotated method.
 */
class InteractorWebhookReflectiveProcessor extends SimpleReflectiveProcessor {

	/** Types the framework or the JDK handle themselves: headers, JSON trees, maps, strings, raw bytes. */
	private static final List<String> INFRASTRUCTURE_PACKAGES = List.of("java.", "javax.", "jakarta.",
			"org.springframework.", "tools.jackson.", "com.fasterxml.jackson.", "reactor.", "org.reactivestreams.");

	private final BindingReflectionHintsRegistrar bindingRegistrar = new BindingReflectionHintsRegistrar();

	@Override
	protected void registerMethodHint(ReflectionHints hints, Method method) {
		super.registerMethodHint(hints, method);
		for (int i = 0; i < method.getParameterCount(); i++) {
			registerPayloadHints(hints, ResolvableType.forMethodParameter(new MethodParameter(method, i)));
		}
	}

	/**
	 * Binding hints for a payload type; for a JDK or framework type ({@code WebhookEvent<T>}, {@code List<T>},
	 * {@code Map<String, T>}), for its type arguments instead.
	 */
	private void registerPayloadHints(ReflectionHints hints, ResolvableType type) {
		Class<?> resolved = type.resolve();
		if (resolved == null || resolved.isPrimitive()) {
			return;
		}
		if (resolved.isArray()) {
			registerPayloadHints(hints, type.getComponentType());
		}
		else if (isPayloadType(resolved)) {
			this.bindingRegistrar.registerReflectionHints(hints, type.getType());
		}
		else {
			for (ResolvableType generic : type.getGenerics()) {
				registerPayloadHints(hints, generic);
			}
		}
	}

	private static boolean isPayloadType(Class<?> type) {
		if (WebhookEvent.class.equals(type)) {
			return false;
		}
		String name = type.getName();
		return INFRASTRUCTURE_PACKAGES.stream().noneMatch(name::startsWith);
	}

}
