package io.interactor.spring.autoconfigure;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when client credentials are available: {@code interactor.client-id} and {@code interactor.client-secret}
 * are both set, or the application supplies its own {@link InteractorConnectionDetails} bean. Without them the
 * client-credentials token provider is not defined, so nothing (health included) can try to create it and fail.
 */
class OnInteractorCredentialsCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Binder binder = Binder.get(context.getEnvironment());
		boolean clientId = StringUtils.hasText(binder.bind("interactor.client-id", String.class).orElse(null));
		boolean clientSecret = StringUtils
			.hasText(binder.bind("interactor.client-secret", String.class).orElse(null));
		if (clientId && clientSecret) {
			return ConditionOutcome.match("interactor.client-id and interactor.client-secret are set");
		}
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		if (beanFactory != null) {
			for (String name : beanFactory.getBeanNamesForType(InteractorConnectionDetails.class, true, false)) {
				Class<?> type = beanFactory.getType(name, false);
				if (type != null && !PropertiesInteractorConnectionDetails.class.isAssignableFrom(type)) {
					return ConditionOutcome.match("InteractorConnectionDetails bean '" + name + "' is defined");
				}
			}
		}
		return ConditionOutcome.noMatch("neither interactor.client-id and interactor.client-secret nor an "
				+ "InteractorConnectionDetails bean of the application");
	}

}
