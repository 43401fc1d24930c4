package io.interactor.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

class InteractorWebhookSecurityAutoConfigurationTests {

	// listed first on purpose: only the afterName ordering keeps Boot's default chain alongside ours
	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(InteractorWebhookAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class));

	@Test
	void addsWebhookChainAndKeepsBootsDefaultChain() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasBean("interactorWebhookSecurityFilterChain");
			assertThat(context.getBeansOfType(SecurityFilterChain.class)).hasSize(2);
		});
	}

	@Test
	void optOutLeavesSecurityAlone() {
		this.runner.withPropertyValues("interactor.webhook.security.permit-path=false").run((context) -> {
			assertThat(context).doesNotHaveBean("interactorWebhookSecurityFilterChain");
			assertThat(context.getBeansOfType(SecurityFilterChain.class)).hasSize(1);
		});
	}

	@Test
	void withoutSpringSecurityNoChain() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InteractorWebhookAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(SecurityFilterChain.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean("interactorWebhookSecurityFilterChain");
			});
	}

	@Test
	void reactiveAddsWebhookChainAndTakesTheDefaultChainsPlace() {
		// listed first on purpose: only the afterName ordering makes ServerHttpSecurity visible to our conditions
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InteractorWebhookAutoConfiguration.class,
					ReactiveWebSecurityAutoConfiguration.class, ReactiveUserDetailsServiceAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeansOfType(SecurityWebFilterChain.class)).containsOnlyKeys(
						"interactorWebhookSecurityWebFilterChain", "interactorDefaultSecurityWebFilterChain");
			});
	}

	@Test
	void reactiveKeepsTheApplicationsOwnChains() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InteractorWebhookAutoConfiguration.class,
					ReactiveWebSecurityAutoConfiguration.class, ReactiveUserDetailsServiceAutoConfiguration.class))
			.withUserConfiguration(UserReactiveChain.class)
			.run((context) -> assertThat(context.getBeansOfType(SecurityWebFilterChain.class))
				.containsOnlyKeys("interactorWebhookSecurityWebFilterChain", "userChain"));
	}

	@Test
	void reactiveOptOutLeavesSecurityAlone() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InteractorWebhookAutoConfiguration.class,
					ReactiveWebSecurityAutoConfiguration.class, ReactiveUserDetailsServiceAutoConfiguration.class))
			.withPropertyValues("interactor.webhook.security.permit-path=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SecurityWebFilterChain.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserReactiveChain {

		@Bean
		SecurityWebFilterChain userChain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll()).build();
		}

	}

}
