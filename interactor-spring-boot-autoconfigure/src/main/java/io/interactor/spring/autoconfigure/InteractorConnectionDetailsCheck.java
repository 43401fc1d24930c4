package io.interactor.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.interactor.spring.autoconfigure.UnresolvedInteractorPlaceholderException.UnresolvedValue;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Checks, once every singleton exists, that the application's {@link InteractorConnectionDetails} beans supply no
 * value with an unresolved {@code ${...}} placeholder. The client and token provider that use these values are lazy,
 * so without this check an application that never injects them would start with a placeholder as its secret. The
 * properties-backed details need no check here: {@link InteractorProperties#validate()} covers them when they are
 * bound. Spring Boot keeps {@link SmartInitializingSingleton} beans eager under global lazy initialisation.
 */
class InteractorConnectionDetailsCheck implements SmartInitializingSingleton {

	private final ListableBeanFactory beanFactory;

	InteractorConnectionDetailsCheck(ListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Map<String, InteractorConnectionDetails> beans = this.beanFactory
			.getBeansOfType(InteractorConnectionDetails.class);
		beans.forEach((name, details) -> {
			if (!(details instanceof PropertiesInteractorConnectionDetails)) {
				check(name, details);
			}
		});
	}

	static void check(String beanName, InteractorConnectionDetails details) {
		List<UnresolvedValue> unresolved = new ArrayList<>();
		check(unresolved, "clientId", details.getClientId());
		check(unresolved, "clientSecret", details.getClientSecret());
		check(unresolved, "accountServerUrl", details.getAccountServerUrl());
		check(unresolved, "coreApiUrl", details.getCoreApiUrl());
		if (!unresolved.isEmpty()) {
			throw new UnresolvedInteractorPlaceholderException(
					"the InteractorConnectionDetails bean '" + beanName + "' (" + details.getClass().getName() + ")",
					unresolved);
		}
	}

	private static void check(List<UnresolvedValue> unresolved, String name, @Nullable String value) {
		if (UnresolvedInteractorPlaceholderException.isUnresolved(value)) {
			unresolved.add(new UnresolvedValue(name, null, UnresolvedInteractorPlaceholderException.placeholderName(value)));
		}
	}

}
