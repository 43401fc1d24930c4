package io.interactor.spring.client.resource;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.stream.EventStream;
import io.interactor.spring.client.stream.StreamEvent;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blocking resources are the reactive ones with blocking signatures, method for method: a method added on one
 * side only fails here. {@code Mono<T>} becomes {@code T}, {@code Mono<Void>} becomes {@code void},
 * {@code Flux<T>} becomes {@code Stream<T>}, and {@code Flux<StreamEvent>} (a live event stream) becomes
 * {@link EventStream}.
 */
class BlockingReactiveParityTests {

	private static final String RESOURCE_PACKAGE = ReactiveAssistants.class.getPackageName();

	@Test
	void everyReactiveResourceHasABlockingTwinWithTheSameMethods() throws Exception {
		List<Class<?>> reactiveResources = reactiveResources();
		assertThat(reactiveResources).hasSizeGreaterThanOrEqualTo(9);
		for (Class<?> reactive : reactiveResources) {
			Class<?> blocking = Class.forName(RESOURCE_PACKAGE + "." + reactive.getSimpleName().substring(8));
			assertThat(signatures(blocking)).as("public methods of %s against %s", blocking.getSimpleName(),
					reactive.getSimpleName())
				.isEqualTo(blockingSignatures(reactive));
		}
	}

	@Test
	void bothClientsExposeTheSameResources() throws Exception {
		Map<String, String> reactiveAccessors = new TreeMap<>();
		for (Method method : publicMethods(ReactiveInteractorClient.class)) {
			if (method.getParameterCount() == 0 && method.getReturnType().getSimpleName().startsWith("Reactive")
					&& method.getReturnType().getPackageName().equals(RESOURCE_PACKAGE)) {
				reactiveAccessors.put(method.getName(), method.getReturnType().getSimpleName().substring(8));
			}
		}
		Map<String, String> blockingAccessors = new TreeMap<>();
		for (Method method : publicMethods(InteractorClient.class)) {
			if (method.getParameterCount() == 0 && method.getReturnType().getPackageName().equals(RESOURCE_PACKAGE)) {
				blockingAccessors.put(method.getName(), method.getReturnType().getSimpleName());
			}
		}
		assertThat(blockingAccessors).isEqualTo(reactiveAccessors);
		assertThat(new TreeSet<>(reactiveAccessors.values())).isEqualTo(reactiveResources().stream()
			.map((type) -> type.getSimpleName().substring(8))
			.collect(Collectors.toCollection(TreeSet::new)));
	}

	@Test
	void returnTypesAreMappedToTheirBlockingForm() {
		// the mapping itself, so that a mistake in it cannot make both sides agree by accident
		assertThat(blockingSignatures(Sample.class)).containsExactly(
				"many(java.lang.String) : java.util.stream.Stream<java.lang.Integer>", "none() : void", "one(int) : java.util.List<java.lang.String>",
				"stream() : io.interactor.spring.client.stream.EventStream");
	}

	/** Every class named {@code Reactive*} in the resource package. */
	private static List<Class<?>> reactiveResources() throws Exception {
		Resource[] resources = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:" + RESOURCE_PACKAGE.replace('.', '/') + "/Reactive*.class");
		List<Class<?>> types = new ArrayList<>();
		for (Resource resource : resources) {
			String name = resource.getFilename();
			if (name != null && !name.contains("$")) {
				types.add(Class.forName(RESOURCE_PACKAGE + "." + name.substring(0, name.length() - 6)));
			}
		}
		return types;
	}

	/** The public instance methods as {@code name(parameters) : return type}, sorted. */
	private static List<String> signatures(Class<?> type) {
		return publicMethods(type).stream()
			.map((method) -> signature(method, method.getGenericReturnType().getTypeName()))
			.sorted()
			.toList();
	}

	/** The public instance methods of a reactive class with the return type of their blocking twin, sorted. */
	private static List<String> blockingSignatures(Class<?> reactive) {
		return publicMethods(reactive).stream()
			.map((method) -> signature(method, blockingReturnType(method.getGenericReturnType())))
			.sorted()
			.toList();
	}

	private static String blockingReturnType(Type type) {
		ResolvableType resolvable = ResolvableType.forType(type);
		Class<?> raw = resolvable.toClass();
		if (raw != Mono.class && raw != Flux.class) {
			return type.getTypeName();
		}
		Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
		if (raw == Mono.class) {
			return (element == Void.class) ? "void" : element.getTypeName();
		}
		if (element == StreamEvent.class) {
			return EventStream.class.getName();
		}
		return Stream.class.getName() + "<" + element.getTypeName() + ">";
	}

	private static String signature(Method method, String returnType) {
		return method.getName() + Arrays.stream(method.getGenericParameterTypes())
			.map(Type::getTypeName)
			.collect(Collectors.joining(",", "(", ")")) + " : " + returnType;
	}

	private static List<Method> publicMethods(Class<?> type) {
		return Arrays.stream(type.getDeclaredMethods())
			.filter((method) -> Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
					&& !method.isSynthetic())
			.toList();
	}

	/** Shapes of reactive methods, for the mapping test. */
	static final class Sample {

		public Flux<Integer> many(String value) {
			return Flux.empty();
		}

		public Mono<Void> none() {
			return Mono.empty();
		}

		public Mono<List<String>> one(int value) {
			return Mono.empty();
		}

		public Flux<StreamEvent> stream() {
			return Flux.empty();
		}

		static Mono<String> ignoredBecauseStatic() {
			return Mono.empty();
		}

	}

}
