package io.interactor.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.web.SecurityFilterChain;

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

}
