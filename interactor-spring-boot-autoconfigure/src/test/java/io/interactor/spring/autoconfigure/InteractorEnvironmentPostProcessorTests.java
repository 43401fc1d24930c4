package io.interactor.spring.autoconfigure;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class InteractorEnvironmentPostProcessorTests {

	private final InteractorEnvironmentPostProcessor postProcessor = new InteractorEnvironmentPostProcessor();

	/** Reads like {@code @ConfigurationProperties} do. */
	private static InteractorProperties bind(StandardEnvironment environment) {
		return Binder.get(environment).bindOrCreate("interactor", InteractorProperties.class);
	}

	private StandardEnvironment environmentWith(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(variables)));
		return environment;
	}

	@Test
	void documentedVariablesBindThroughRelaxedBindingWithoutMapping() {
		StandardEnvironment environment = environmentWith(Map.of("INTERACTOR_CLIENT_ID", "client_1",
				"INTERACTOR_CLIENT_SECRET", "sec_1", "INTERACTOR_SCOPES", "rooms:read rooms:write",
				"INTERACTOR_ACCOUNT_SERVER_URL", "https://auth.example.com/api/v1", "INTERACTOR_CORE_API_URL",
				"https://core.example.com/api/v1", "INTERACTOR_WEBHOOK_SECRET", "whsec_1"));
		InteractorProperties properties = bind(environment);
		assertThat(properties.getClientId()).isEqualTo("client_1");
		assertThat(properties.getClientSecret()).isEqualTo("sec_1");
		assertThat(properties.getScopes()).isEqualTo("rooms:read rooms:write");
		assertThat(properties.getAccountServerUrl()).isEqualTo("https://auth.example.com/api/v1");
		assertThat(properties.getCoreApiUrl()).isEqualTo("https://core.example.com/api/v1");
		assertThat(properties.getWebhook().getSecret()).isEqualTo("whsec_1");
	}

	@Test
	void bothPreviousSecretSpellingsFormOneList() {
		StandardEnvironment environment = environmentWith(Map.of("INTERACTOR_WEBHOOK_SECRET_OLD", "whsec_old",
				"INTERACTOR_WEBHOOK_SECRET_PREVIOUS", "whsec_prev"));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(bind(environment).getWebhook().getPreviousSecrets()).containsExactly("whsec_prev", "whsec_old");
	}

	@Test
	void previousSecretsRankLikeEnvironmentVariables() {
		StandardEnvironment environment = environmentWith(Map.of("INTERACTOR_WEBHOOK_SECRET_OLD", "from_env"));
		environment.getPropertySources()
			.addFirst(new MapPropertySource("commandLineArgs",
					Map.of("interactor.webhook.previous-secrets", "from_command_line")));
		environment.getPropertySources()
			.addLast(new MapPropertySource("applicationConfig",
					Map.of("interactor.webhook.previous-secrets", "from_yaml")));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(bind(environment).getWebhook().getPreviousSecrets()).containsExactly("from_command_line");
		environment.getPropertySources().remove("commandLineArgs");
		assertThat(bind(environment).getWebhook().getPreviousSecrets()).containsExactly("from_env");
	}

	@Test
	void blankVariablesAreIgnored() {
		StandardEnvironment environment = environmentWith(Map.of("INTERACTOR_WEBHOOK_SECRET_OLD", "  "));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(InteractorEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
	}

	@Test
	void isRegisteredAndBindsIntoPropertiesInARealApplication() {
		StandardEnvironment environment = environmentWith(Map.of("INTERACTOR_CLIENT_ID", "client_env",
				"INTERACTOR_CLIENT_SECRET", "secret_env", "INTERACTOR_WEBHOOK_SECRET_PREVIOUS", "whsec_prev"));
		SpringApplication application = new SpringApplication(EmptyApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setEnvironment(environment);
		try (ConfigurableApplicationContext context = application.run()) {
			InteractorProperties properties = context.getBean(InteractorProperties.class);
			assertThat(properties.getClientId()).isEqualTo("client_env");
			assertThat(properties.getClientSecret()).isEqualTo("secret_env");
			assertThat(properties.getWebhook().getPreviousSecrets()).containsExactly("whsec_prev");
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(InteractorClientAutoConfiguration.class)
	static class EmptyApplication {

	}

}
