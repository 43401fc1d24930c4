package io.interactor.spring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.Configurations;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook security chains: added beside the application's and Spring Boot's chains, never in their place, and
 * the ordering that makes this so really applies. Each runner lists the starter's auto-configurations first on
 * purpose: only the ordering attributes move them after Spring Boot's.
 */
class InteractorWebhookSecurityAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InteractorWebhookSecurityAutoConfiguration.class,
				InteractorWebhookAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class));

	private final ReactiveWebApplicationContextRunner reactiveRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InteractorWebhookSecurityAutoConfiguration.class,
				InteractorWebhookAutoConfiguration.class, ReactiveWebSecurityAutoConfiguration.class,
				ReactiveUserDetailsServiceAutoConfiguration.class));

	@Test
	void isRegisteredInAutoConfigurationImports() throws Exception {
		String imports = new String(getClass().getClassLoader()
			.getResourceAsStream("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")
			.readAllBytes(), StandardCharsets.UTF_8);
		assertThat(imports.lines()).contains(InteractorWebhookSecurityAutoConfiguration.class.getName());
	}

	@Test
	void everyClassNamedInTheOrderingIsSpringBootsWebSecurityAutoConfiguration() {
		AutoConfiguration annotation = AnnotatedElementUtils
			.findMergedAnnotation(InteractorWebhookSecurityAutoConfiguration.class, AutoConfiguration.class);
		assertThat(annotation).isNotNull();
		assertThat(annotation.afterName()).containsExactlyInAnyOrder(
				ServletWebSecurityAutoConfiguration.class.getName(),
				ReactiveWebSecurityAutoConfiguration.class.getName());
		assertThat(annotation.after()).containsExactly(InteractorWebhookAutoConfiguration.class);
		assertThat(annotation.before()).isEmpty();
		assertThat(annotation.beforeName()).isEmpty();
	}

	// io.interactor... sorts before org.springframework... alphabetically: only the afterName attribute moves the
	// starter's configuration behind Spring Boot's (and, through their own ordering, behind the management ones).
	@Test
	void runsAfterTheWebhookAndSpringBootsWebSecurityAutoConfigurations() {
		List<Class<?>> sorted = sort(InteractorWebhookSecurityAutoConfiguration.class,
				InteractorWebhookAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
				ManagementWebSecurityAutoConfiguration.class, ReactiveWebSecurityAutoConfiguration.class,
				ReactiveManagementWebSecurityAutoConfiguration.class);
		assertThat(sorted.indexOf(InteractorWebhookSecurityAutoConfiguration.class))
			.isGreaterThan(sorted.indexOf(InteractorWebhookAutoConfiguration.class))
			.isGreaterThan(sorted.indexOf(ServletWebSecurityAutoConfiguration.class))
			.isGreaterThan(sorted.indexOf(ManagementWebSecurityAutoConfiguration.class))
			.isGreaterThan(sorted.indexOf(ReactiveWebSecurityAutoConfiguration.class))
			.isGreaterThan(sorted.indexOf(ReactiveManagementWebSecurityAutoConfiguration.class));
	}

	@Test
	void addsWebhookChainAndKeepsBootsDefaultChain() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasBean("interactorWebhookSecurityFilterChain");
			assertThat(context.getBeansOfType(SecurityFilterChain.class)).hasSize(2);
		});
	}

	@Test
	void addsWebhookChainAndKeepsTheActuatorsManagementChain() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InteractorWebhookSecurityAutoConfiguration.class,
					InteractorWebhookAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
					ManagementWebSecurityAutoConfiguration.class, WebMvcAutoConfiguration.class))
			.run((context) -> assertThat(context.getBeansOfType(SecurityFilterChain.class))
				.containsOnlyKeys("managementSecurityFilterChain", "interactorWebhookSecurityFilterChain"));
	}

	@Test
	void optOutLeavesSecurityAlone() {
		this.runner.withPropertyValues("interactor.webhook.security.permit-path=false").run((context) -> {
			assertThat(context).doesNotHaveBean("interactorWebhookSecurityFilterChain");
			assertThat(context.getBeansOfType(SecurityFilterChain.class)).hasSize(1);
		});
	}

	@Test
	void disabledWebhooksLeaveSecurityAlone() {
		this.runner.withPropertyValues("interactor.webhook.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean("interactorWebhookSecurityFilterChain");
			assertThat(context.getBeansOfType(SecurityFilterChain.class)).hasSize(1);
		});
		this.reactiveRunner.withPropertyValues("interactor.webhook.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SecurityWebFilterChain.class));
	}

	@Test
	void withoutSpringSecurityNoChain() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InteractorWebhookSecurityAutoConfiguration.class,
					InteractorWebhookAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(SecurityFilterChain.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean("interactorWebhookSecurityFilterChain");
			});
	}

	@Test
	void reactiveAddsWebhookChainAndTakesTheDefaultChainsPlace() {
		this.reactiveRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(SecurityWebFilterChain.class)).containsOnlyKeys(
					"interactorWebhookSecurityWebFilterChain", "interactorDefaultSecurityWebFilterChain");
		});
	}

	@Test
	void reactiveKeepsTheApplicationsOwnChains() {
		this.reactiveRunner.withUserConfiguration(UserReactiveChain.class)
			.run((context) -> assertThat(context.getBeansOfType(SecurityWebFilterChain.class))
				.containsOnlyKeys("interactorWebhookSecurityWebFilterChain", "userChain"));
	}

	@Test
	void reactiveKeepsTheActuatorsManagementChain() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InteractorWebhookSecurityAutoConfiguration.class,
					InteractorWebhookAutoConfiguration.class, ReactiveWebSecurityAutoConfiguration.class,
					ReactiveManagementWebSecurityAutoConfiguration.class,
					ReactiveUserDetailsServiceAutoConfiguration.class, WebFluxAutoConfiguration.class))
			.run((context) -> assertThat(context.getBeansOfType(SecurityWebFilterChain.class))
				.containsOnlyKeys("springSecurityFilterChain", "interactorWebhookSecurityWebFilterChain"));
	}

	@Test
	void reactiveOptOutLeavesSecurityAlone() {
		this.reactiveRunner.withPropertyValues("interactor.webhook.security.permit-path=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SecurityWebFilterChain.class));
	}

	private static List<Class<?>> sort(Class<?>... classes) {
		return Arrays.asList(Configurations.getClasses(AutoConfigurations.of(classes)));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserReactiveChain {

		@Bean
		SecurityWebFilterChain userChain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll()).build();
		}

	}

}
