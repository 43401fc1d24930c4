package io.interactor.spring.webhook.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.interactor.spring.autoconfigure.InteractorWebhookAutoConfiguration;
import io.interactor.spring.test.Deliveries;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.MissingWebhookSecretException;
import io.interactor.spring.webhook.RoomMessageData;
import io.interactor.spring.webhook.dispatch.WebhookOutcome.Result;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.interactortest.SpringPackageHandlers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discovery and startup validation of {@link InteractorWebhook} methods.
 */
class InteractorWebhookAnnotationBeanPostProcessorTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InteractorWebhookAutoConfiguration.class));

	@Test
	void handlersWithoutSecretFailStartupNamingPropertyAndVariable() {
		this.runner.withUserConfiguration(GoodHandler.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(MissingWebhookSecretException.class)
				.hasMessageContaining("interactor.webhook.secret")
				.hasMessageContaining("INTERACTOR_WEBHOOK_SECRET");
		});
	}

	@Test
	void noHandlersNeedNoSecret() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(WebhookDispatcher.class).hasHandlers()).isFalse();
		});
	}

	@Test
	void unresolvableParameterFailsStartupNamingBeanAndMethod() {
		this.runner.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET)
			.withBean("badHandler", UnresolvableHandler.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
					.isInstanceOf(UnresolvableWebhookParameterException.class)
					.hasMessageContaining("'badHandler'")
					.hasMessageContaining("UnresolvableHandler.handle")
					.hasMessageContaining("java.time.Instant");
			});
	}

	@Test
	void unsupportedReturnTypeFailsStartup() {
		this.runner.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET)
			.withBean("stringHandler", StringReturningHandler.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
					.isInstanceOf(InvalidWebhookHandlerException.class)
					.hasMessageContaining("'stringHandler'")
					.hasMessageContaining("handle")
					.hasMessageContaining("return type");
			});
	}

	@Test
	void classProxiedHandlerIsInvokedThroughTheProxy() {
		this.runner.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET)
			.withUserConfiguration(ClassProxyConfiguration.class)
			.run((context) -> {
				assertThat(org.springframework.aop.support.AopUtils.isCglibProxy(context.getBean(GoodHandler.class)))
					.isTrue();
				String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED);
				assertThat(context.getBean(WebhookDispatcher.class)
					.dispatch(Deliveries.sign(body), Deliveries.bytes(body))
					.result()).isEqualTo(Result.PROCESSED);
				assertThat(ClassProxyConfiguration.intercepted).hasValue(1);
				assertThat(GoodHandler.calls).hasPositiveValue();
			});
	}

	@Test
	void interfaceProxiedHandlerWorksWhenTheInterfaceDeclaresTheMethod() {
		this.runner.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET)
			.withUserConfiguration(InterfaceProxyConfiguration.class)
			.run((context) -> {
				assertThat(org.springframework.aop.support.AopUtils.isJdkDynamicProxy(context.getBean("proxied")))
					.isTrue();
				String body = Deliveries.body(InteractorEvents.CREDENTIAL_REVOKED);
				assertThat(context.getBean(WebhookDispatcher.class)
					.dispatch(Deliveries.sign(body), Deliveries.bytes(body))
					.result()).isEqualTo(Result.PROCESSED);
				assertThat(InterfaceHandler.calls).hasValue(1);
			});
	}

	@Test
	void handlerIdIsTheBeanNameAndMethodSignatureInEveryContextAndBehindProxies() {
		List<List<String>> ids = new ArrayList<>();
		for (int run = 0; run < 2; run++) {
			this.runner.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET)
				.withUserConfiguration(ClassProxyConfiguration.class, InterfaceProxyConfiguration.class)
				.run((context) -> ids.add(context.getBean(WebhookHandlerRegistry.class)
					.getHandlers()
					.stream()
					.map(WebhookHandlerMethod::getId)
					.sorted()
					.toList()));
		}
		assertThat(ids.get(0)).containsExactly("goodHandler#handle(io.interactor.spring.webhook.RoomMessageData)",
				"proxied#handle(io.interactor.spring.webhook.CredentialEventData)");
		assertThat(ids.get(1)).isEqualTo(ids.get(0));
	}

	@Test
	void springContainerClassesAreSkippedUnlessAnnotatedAsComponents() {
		this.runner.withPropertyValues("interactor.webhook.secret=" + Deliveries.SECRET)
			.withBean("infrastructure", SpringPackageHandlers.Infrastructure.class)
			.withBean("component", SpringPackageHandlers.AnnotatedComponent.class)
			.run((context) -> assertThat(context.getBean(WebhookHandlerRegistry.class)
				.getHandlers()
				.stream()
				.map(WebhookHandlerMethod::getId)).containsExactly("component#handle(io.interactor.spring.webhook.RoomMessageData)"));
	}

	public static class GoodHandler {

		static final AtomicInteger calls = new AtomicInteger();

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		public void handle(RoomMessageData data) {
			calls.incrementAndGet();
		}

	}

	static class UnresolvableHandler {

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		void handle(RoomMessageData data, Instant when) {
		}

	}

	static class StringReturningHandler {

		@InteractorWebhook(InteractorEvents.ROOM_MESSAGE_CREATED)
		String handle() {
			return "ok";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ClassProxyConfiguration {

		static final AtomicInteger intercepted = new AtomicInteger();

		@Bean
		GoodHandler goodHandler() {
			return new GoodHandler();
		}

		@Bean
		static BeanPostProcessor proxyingPostProcessor() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof GoodHandler) {
						ProxyFactory factory = new ProxyFactory(bean);
						factory.setProxyTargetClass(true);
						factory.addAdvice((MethodInterceptor) (invocation) -> {
							intercepted.incrementAndGet();
							return invocation.proceed();
						});
						return factory.getProxy();
					}
					return bean;
				}

			};
		}

	}

	public interface CredentialHandler {

		void handle(io.interactor.spring.webhook.CredentialEventData data);

	}

	public static class InterfaceHandler implements CredentialHandler {

		static final AtomicInteger calls = new AtomicInteger();

		@Override
		@InteractorWebhook(InteractorEvents.CREDENTIAL_REVOKED)
		public void handle(io.interactor.spring.webhook.CredentialEventData data) {
			calls.incrementAndGet();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class InterfaceProxyConfiguration {

		@Bean
		CredentialHandler proxied() {
			ProxyFactory factory = new ProxyFactory(new InterfaceHandler());
			factory.addInterface(CredentialHandler.class);
			return (CredentialHandler) factory.getProxy();
		}

	}

}
