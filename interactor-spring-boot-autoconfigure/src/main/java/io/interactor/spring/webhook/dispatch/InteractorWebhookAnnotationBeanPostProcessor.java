package io.interactor.spring.webhook.dispatch;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.MissingWebhookSecretException;
import io.interactor.spring.webhook.signature.WebhookSignatureVerifier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.annotation.Order;
import org.springframework.core.annotation.OrderUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Finds {@link InteractorWebhook} methods on every bean (collected in {@link #postProcessAfterInitialization}, proxies
 * looked through to their target class; Spring's own classes, unless annotated {@code @Component}, are skipped) and, once every singleton exists, validates them and registers them with the
 * {@link WebhookHandlerRegistry} bean. Fails startup with {@link InvalidWebhookHandlerException} for an unusable
 * method and with {@link MissingWebhookSecretException} when handlers exist but no secret is configured.
 * <p>
 * Order of handlers: {@code @Order} on the method, else on the bean class, else {@link Ordered#LOWEST_PRECEDENCE}.
 *
 * @since 0.1.0
 */
public class InteractorWebhookAnnotationBeanPostProcessor
		implements BeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware, Ordered {

	private static final Log logger = LogFactory.getLog(InteractorWebhookAnnotationBeanPostProcessor.class);

	private final Set<Class<?>> nonAnnotatedClasses = ConcurrentHashMap.newKeySet();

	private final List<Candidate> candidates = new ArrayList<>();

	private final Set<String> registeredBeans = ConcurrentHashMap.newKeySet();

	private @Nullable ConfigurableBeanFactory beanFactory;

	private volatile boolean initialized;

	@Override
	public int getOrder() {
		return LOWEST_PRECEDENCE;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		Assert.isInstanceOf(ConfigurableBeanFactory.class, beanFactory);
		this.beanFactory = (ConfigurableBeanFactory) beanFactory;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		if (this.nonAnnotatedClasses.contains(targetClass)
				|| !AnnotationUtils.isCandidateClass(targetClass, InteractorWebhook.class)) {
			return bean;
		}
		if (isSpringContainerClass(targetClass)) {
			this.nonAnnotatedClasses.add(targetClass);
			return bean;
		}
		Map<Method, InteractorWebhook> methods = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<InteractorWebhook>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, InteractorWebhook.class));
		if (methods.isEmpty()) {
			this.nonAnnotatedClasses.add(targetClass);
			return bean;
		}
		Candidate candidate = new Candidate(beanName, bean, targetClass, methods);
		if (this.initialized) {
			// a lazy bean created after startup
			if (this.registeredBeans.add(beanName)) {
				registry().register(createHandlers(List.of(candidate)));
			}
		}
		else {
			synchronized (this.candidates) {
				this.candidates.add(candidate);
			}
		}
		return bean;
	}

	/**
	 * Whether the class is one of Spring's own, which never declares handlers: most beans of a context are, and
	 * skipping them spares introspecting each of their methods at startup (Spring's {@code @EventListener} discovery
	 * skips them alike). A class of Spring's packages annotated {@code @Component} is still looked at.
	 */
	private static boolean isSpringContainerClass(Class<?> targetClass) {
		return targetClass.getName().startsWith("org.springframework.")
				&& !AnnotatedElementUtils.isAnnotated(ClassUtils.getUserClass(targetClass), Component.class);
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<Candidate> found;
		synchronized (this.candidates) {
			found = new ArrayList<>(this.candidates);
			this.candidates.clear();
		}
		found.forEach((candidate) -> this.registeredBeans.add(candidate.beanName()));
		List<WebhookHandlerMethod> handlers = createHandlers(found);
		if (!handlers.isEmpty()) {
			WebhookSignatureVerifier verifier = getBeanFactory().getBeanProvider(WebhookSignatureVerifier.class)
				.getIfAvailable();
			if (verifier == null || !verifier.hasSecrets()) {
				throw new MissingWebhookSecretException(handlers.size());
			}
		}
		if (!handlers.isEmpty()) {
			registry().register(handlers);
		}
		this.initialized = true;
		if (logger.isDebugEnabled()) {
			logger.debug("Registered " + handlers.size() + " @InteractorWebhook handler(s): " + handlers);
		}
	}

	private List<WebhookHandlerMethod> createHandlers(List<Candidate> found) {
		if (found.isEmpty()) {
			return List.of();
		}
		ConfigurableBeanFactory factory = getBeanFactory();
		List<WebhookArgumentResolver> resolvers = new ArrayList<>();
		factory.getBeanProvider(WebhookArgumentResolver.class).orderedStream().forEach(resolvers::add);
		JsonMapper jsonMapper = factory.getBeanProvider(JsonMapper.class).getIfAvailable(() -> JsonMapper.builder().build());
		resolvers.addAll(BuiltInWebhookArgumentResolvers.create(jsonMapper));
		List<WebhookHandlerMethod> handlers = new ArrayList<>();
		for (Candidate candidate : found) {
			int classOrder = OrderUtils.getOrder(candidate.targetClass(), Ordered.LOWEST_PRECEDENCE);
			candidate.methods().forEach((method, annotation) -> {
				List<String> eventTypes = Arrays.stream(annotation.value())
					.map((value) -> resolvePlaceholders(factory, value))
					.toList();
				Order methodOrder = AnnotatedElementUtils.findMergedAnnotation(method, Order.class);
				int order = (methodOrder != null) ? methodOrder.value() : classOrder;
				handlers.add(new WebhookHandlerMethod(candidate.beanName(), exposedBean(factory, candidate), method,
						eventTypes, order, resolvers));
			});
		}
		return handlers;
	}

	/**
	 * The object other beans see: a post-processor running after this one may have wrapped the bean in a proxy, so
	 * the singleton is looked up again once every singleton exists.
	 */
	private static Object exposedBean(ConfigurableBeanFactory factory, Candidate candidate) {
		if (factory.containsSingleton(candidate.beanName())) {
			Object exposed = factory.getSingleton(candidate.beanName());
			if (exposed != null && AopUtils.getTargetClass(exposed) == candidate.targetClass()) {
				return exposed;
			}
		}
		return candidate.bean();
	}

	private static String resolvePlaceholders(ConfigurableBeanFactory factory, String value) {
		String resolved = factory.resolveEmbeddedValue(value);
		return (resolved != null) ? resolved.trim() : value;
	}

	private WebhookHandlerRegistry registry() {
		return getBeanFactory().getBean(WebhookHandlerRegistry.class);
	}

	private ConfigurableBeanFactory getBeanFactory() {
		Assert.state(this.beanFactory != null, "BeanFactory not set");
		return this.beanFactory;
	}

	private record Candidate(String beanName, Object bean, Class<?> targetClass,
			Map<Method, InteractorWebhook> methods) {

	}

}
