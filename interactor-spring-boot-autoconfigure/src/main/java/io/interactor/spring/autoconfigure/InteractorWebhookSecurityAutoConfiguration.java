package io.interactor.spring.autoconfigure;

import io.interactor.spring.webhook.dispatch.WebhookDispatcher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Auto-configuration of Spring Security for the Interactor webhook endpoint: a filter chain that matches only
 * {@code POST} requests to {@code interactor.webhook.path} and lets them through without CSRF token, session or login,
 * because the platform cannot log in and every delivery's signature is checked by the dispatcher instead. Every other
 * request is left to the application's security configuration (or to Spring Boot's default). Servlet applications get
 * a {@link SecurityFilterChain}, reactive ones a {@link SecurityWebFilterChain}, both named
 * {@code interactorWebhookSecurity...Chain}, at {@link #SECURITY_FILTER_CHAIN_ORDER}; a bean of the same name replaces
 * it, and {@code interactor.webhook.security.permit-path=false} turns it off (the application then permits the path
 * itself).
 * <p>
 * Runs after {@link InteractorWebhookAutoConfiguration}, so that a chain only exists while the webhook pipeline does,
 * and after Spring Boot's servlet and reactive web security auto-configurations: Spring Boot registers its default
 * chains only while the application has none, so they must be decided before the webhook chain exists. The
 * auto-configurations of the actuator's management chain and of Spring Boot's OAuth2 chains order themselves before
 * those two, so they are kept as well.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = InteractorWebhookAutoConfiguration.class,
		afterName = { InteractorWebhookSecurityAutoConfiguration.SERVLET_WEB_SECURITY_AUTO_CONFIGURATION,
				InteractorWebhookSecurityAutoConfiguration.REACTIVE_WEB_SECURITY_AUTO_CONFIGURATION })
@ConditionalOnWebApplication
@ConditionalOnBean(WebhookDispatcher.class)
@ConditionalOnBooleanProperty(name = "interactor.webhook.security.permit-path", matchIfMissing = true)
@EnableConfigurationProperties(InteractorProperties.class)
public final class InteractorWebhookSecurityAutoConfiguration {

	static final String SERVLET_WEB_SECURITY_AUTO_CONFIGURATION = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration";

	static final String REACTIVE_WEB_SECURITY_AUTO_CONFIGURATION = "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration";

	/**
	 * Order of the webhook security filter chain: before application chains that match every request, after the
	 * chains Spring Security itself orders first.
	 */
	public static final int SECURITY_FILTER_CHAIN_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class, PathPatternRequestMatcher.class })
	@ConditionalOnBean(HttpSecurity.class)
	static class ServletWebhookSecurityConfiguration {

		@Bean
		@Order(SECURITY_FILTER_CHAIN_ORDER)
		@ConditionalOnMissingBean(name = "interactorWebhookSecurityFilterChain")
		SecurityFilterChain interactorWebhookSecurityFilterChain(HttpSecurity http,
				ObjectProvider<PathPatternRequestMatcher.Builder> matcherBuilder, InteractorProperties properties)
				throws Exception {
			PathPatternRequestMatcher.Builder builder = matcherBuilder
				.getIfAvailable(PathPatternRequestMatcher::withDefaults);
			http.securityMatcher(builder.matcher(HttpMethod.POST, properties.getWebhook().getPath()))
				.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.csrf(AbstractHttpConfigurer::disable)
				.requestCache(AbstractHttpConfigurer::disable)
				.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
			return http.build();
		}

	}

	/**
	 * The reactive chains.
	 * <p>
	 * Unlike the servlet side, where Spring Boot registers its default chain as a bean, Spring Security's WebFlux
	 * configuration builds its default chain (every exchange authenticated, HTTP Basic and form login) only while the
	 * context holds no {@link SecurityWebFilterChain} bean at all. Adding the webhook chain alone would therefore
	 * remove that default, and every other exchange would pass unauthenticated. So while the application (or Spring
	 * Boot's actuator or OAuth2 auto-configuration) defines no chain of its own, an equivalent of the default is
	 * registered beside the webhook chain. Not registering the webhook chain in that case instead would leave the
	 * default demanding a CSRF token and a login from the platform, failing every delivery.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass({ SecurityWebFilterChain.class, ServerHttpSecurity.class })
	@ConditionalOnBean(ServerHttpSecurity.class)
	static class ReactiveWebhookSecurityConfiguration {

		/**
		 * Takes the place of Spring Security's default WebFlux chain, which the webhook chain would otherwise remove.
		 * Must stay declared before the webhook chain: the conditions of one class are evaluated in declaration
		 * order, and this one must not see the webhook chain.
		 * <p>
		 * Spring Security's default switches to OAuth2 login when the application has client registrations; Spring
		 * Boot's OAuth2 client auto-configuration then registers its own chain before this one is considered, so this
		 * one backs off. An application that registers OAuth2 clients without that auto-configuration gets this chain
		 * (still authenticating every exchange) and defines its own to log in with OAuth2.
		 * @param http the builder
		 * @return the chain that authenticates every exchange
		 */
		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		@ConditionalOnMissingBean(SecurityWebFilterChain.class)
		SecurityWebFilterChain interactorDefaultSecurityWebFilterChain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
				.httpBasic(Customizer.withDefaults())
				.formLogin(Customizer.withDefaults())
				.build();
		}

		@Bean
		@Order(SECURITY_FILTER_CHAIN_ORDER)
		@ConditionalOnMissingBean(name = "interactorWebhookSecurityWebFilterChain")
		SecurityWebFilterChain interactorWebhookSecurityWebFilterChain(ServerHttpSecurity http,
				InteractorProperties properties) {
			return http
				.securityMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST,
						properties.getWebhook().getPath()))
				.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
				.csrf(ServerHttpSecurity.CsrfSpec::disable)
				.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
				.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
				.build();
		}

	}

}
