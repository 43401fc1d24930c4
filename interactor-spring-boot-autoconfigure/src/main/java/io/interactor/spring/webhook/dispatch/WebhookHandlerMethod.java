package io.interactor.spring.webhook.dispatch;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import io.interactor.spring.webhook.WebhookEvent;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.core.MethodParameter;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * One {@link io.interactor.spring.webhook.InteractorWebhook} method bound to its bean, with the resolver of each
 * parameter chosen at startup.
 *
 * @since 0.1.0
 */
public final class WebhookHandlerMethod {

	private static final boolean REACTOR_PRESENT = ClassUtils.isPresent("reactor.core.publisher.Mono",
			WebhookHandlerMethod.class.getClassLoader());

	private final String beanName;

	private final Object bean;

	private final Method method;

	private final Method invocableMethod;

	private final String id;

	private final List<String> eventTypes;

	private final int order;

	private final MethodParameter[] parameters;

	private final WebhookArgumentResolver[] resolvers;

	/**
	 * Create a handler method, validating its parameters and return type.
	 * @param beanName the bean name
	 * @param bean the bean (possibly a proxy)
	 * @param method the annotated method of the target class
	 * @param eventTypes the event types and wildcards (placeholders resolved)
	 * @param order the order among handlers of one event
	 * @param resolvers the available resolvers, user resolvers first
	 * @throws InvalidWebhookHandlerException if the method cannot be used
	 */
	public WebhookHandlerMethod(String beanName, Object bean, Method method, List<String> eventTypes, int order,
			List<WebhookArgumentResolver> resolvers) {
		this.beanName = beanName;
		this.bean = bean;
		this.method = method;
		this.id = idOf(beanName, method);
		this.eventTypes = List.copyOf(eventTypes);
		this.order = order;
		if (this.eventTypes.isEmpty() || this.eventTypes.stream().anyMatch(String::isBlank)) {
			throw new InvalidWebhookHandlerException(beanName, method, "no event type (or a blank one) is declared");
		}
		try {
			this.invocableMethod = org.springframework.aop.support.AopUtils.selectInvocableMethod(method,
					bean.getClass());
		}
		catch (IllegalStateException ex) {
			throw new InvalidWebhookHandlerException(beanName, method,
					"the bean is a proxy that does not expose the method (" + ex.getMessage() + ")");
		}
		ReflectionUtils.makeAccessible(this.invocableMethod);
		Class<?> returnType = method.getReturnType();
		if (!isSupportedReturnType(returnType)) {
			throw new InvalidWebhookHandlerException(beanName, method,
					"unsupported return type " + returnType.getName() + "; use void, Mono<Void> or CompletionStage<?>");
		}
		int count = method.getParameterCount();
		this.parameters = new MethodParameter[count];
		this.resolvers = new WebhookArgumentResolver[count];
		for (int i = 0; i < count; i++) {
			MethodParameter parameter = new MethodParameter(method, i);
			this.parameters[i] = parameter;
			WebhookArgumentResolver chosen = null;
			for (WebhookArgumentResolver resolver : resolvers) {
				if (resolver.supportsParameter(parameter)) {
					chosen = resolver;
					break;
				}
			}
			if (chosen == null) {
				throw new UnresolvableWebhookParameterException(beanName, method, parameter);
			}
			this.resolvers[i] = chosen;
		}
	}

	private static String idOf(String beanName, Method method) {
		StringJoiner parameterTypes = new StringJoiner(",", "(", ")");
		for (Class<?> type : method.getParameterTypes()) {
			parameterTypes.add(type.getTypeName());
		}
		return beanName + "#" + method.getName() + parameterTypes;
	}

	private static boolean isSupportedReturnType(Class<?> type) {
		return type == void.class || type == Void.class || CompletionStage.class.isAssignableFrom(type)
				|| (REACTOR_PRESENT && Publisher.class.isAssignableFrom(type));
	}

	/**
	 * Whether this handler handles the event type: exact match, {@code "*"}, or a {@code "prefix.*"} wildcard.
	 * @param eventType the event type of a delivery
	 * @return {@code true} if the handler applies
	 */
	public boolean matches(String eventType) {
		for (String pattern : this.eventTypes) {
			if (pattern.equals("*") || pattern.equals(eventType)) {
				return true;
			}
			if (pattern.endsWith(".*") && eventType.startsWith(pattern.substring(0, pattern.length() - 1))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Resolve the arguments for a delivery.
	 * @param event the delivery
	 * @return the arguments
	 * @throws Exception if a resolver fails
	 */
	@Nullable Object[] resolveArguments(WebhookEvent<JsonNode> event) throws Exception {
		@Nullable Object[] args = new Object[this.parameters.length];
		for (int i = 0; i < args.length; i++) {
			args[i] = this.resolvers[i].resolveArgument(this.parameters[i], event);
		}
		return args;
	}

	/**
	 * Invoke the handler and wait for an asynchronous result; a {@code Mono}/{@code Flux} result sees
	 * {@code observation} in its Reactor context, so client calls it makes on other threads stay its children.
	 * @param args the resolved arguments
	 * @param observation the delivery's observation, or {@code null}
	 * @throws Throwable what the handler threw or completed with
	 */
	void invoke(@Nullable Object[] args, @Nullable Observation observation) throws Throwable {
		Object result;
		try {
			result = this.invocableMethod.invoke(this.bean, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
		if (result instanceof CompletionStage<?> stage) {
			try {
				stage.toCompletableFuture().get();
			}
			catch (ExecutionException | CompletionException ex) {
				throw (ex.getCause() != null) ? ex.getCause() : ex;
			}
		}
		else if (REACTOR_PRESENT && result instanceof Publisher<?> publisher) {
			ReactorSupport.await(publisher, observation);
		}
	}

	/**
	 * The handler's identity, under which the idempotency store records that it completed for a delivery: the bean
	 * name, {@code #}, the method name and its parameter types, e.g.
	 * {@code orderHandlers#onMessage(io.interactor.spring.webhook.RoomMessageData)}. It is the same on every instance
	 * and after a restart as long as the bean name and the method signature stay; renaming either makes it a new
	 * handler, which a redelivery of a partially failed delivery runs.
	 * @return the id
	 * @since 0.1.0
	 */
	public String getId() {
		return this.id;
	}

	/**
	 * The name of the declaring bean.
	 * @return the bean name
	 */
	public String getBeanName() {
		return this.beanName;
	}

	/**
	 * The annotated method.
	 * @return the method
	 */
	public Method getMethod() {
		return this.method;
	}

	/**
	 * The event types and wildcards the handler is registered for.
	 * @return the event types
	 */
	public List<String> getEventTypes() {
		return this.eventTypes;
	}

	/**
	 * The order among the handlers of one event (lower runs first).
	 * @return the order
	 */
	public int getOrder() {
		return this.order;
	}

	@Override
	public String toString() {
		return this.beanName + "#" + this.method.getName() + this.eventTypes;
	}

	private static final class ReactorSupport {

		/** The Reactor context key of the current observation, as Micrometer and Spring's WebClient use it. */
		private static final String OBSERVATION_KEY = "micrometer.observation";

		static void await(Publisher<?> publisher, @Nullable Observation observation) {
			Mono<?> mono = Mono.from(publisher);
			if (observation != null && !observation.isNoop()) {
				mono = mono.contextWrite((context) -> context.put(OBSERVATION_KEY, observation));
			}
			mono.block();
		}

	}

}
