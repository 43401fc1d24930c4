package io.interactor.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code .env} file: imported by {@code application.yml}, a copy of {@code .env.example} starts the sample, a
 * value set there applies, and an empty variable (there or in the environment) never replaces a default.
 * <p>
 * The applications started here read their {@code .env} from a temporary directory: the same import as
 * {@code application.yml}'s, given on the command line with that directory's path.
 */
class DotEnvTests {

	@TempDir
	Path directory;

	@Test
	void applicationYmlImportsDotEnvFromTheWorkingDirectory() throws IOException {
		Object imported = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
			.get(0)
			.getProperty("spring.config.import");
		assertThat(String.valueOf(imported)).isEqualTo("optional:file:.env[.properties]");
	}

	@Test
	void copiedExampleWithEmptyVariablesKeepsTheDefaultsAndRunsOffline() throws IOException {
		String example = Files.readString(Paths.get("..", ".env.example"));
		writeDotEnv(example + "\nINTERACTOR_CLIENT_ID=\nINTERACTOR_CLIENT_SECRET=\nINTERACTOR_WEBHOOK_SECRET=\n");
		try (ConfigurableApplicationContext context = start()) {
			ConfigurableEnvironment environment = context.getEnvironment();
			assertThat(environment.getProperty("interactor.webhook.secret")).isEqualTo("whsec_sample_dev_only");
			assertThat(environment.getProperty("interactor.mock.enabled")).isEqualTo("when-no-credentials");
			assertThat(EmbeddedMockMode.reason(environment)).contains("no Interactor credentials");
		}
	}

	@Test
	void valuesSetInDotEnvApply() throws IOException {
		writeDotEnv("INTERACTOR_WEBHOOK_SECRET=whsec_from_dotenv\nINTERACTOR_MOCK_ENABLED=false\n"
				+ "SAMPLE_NAMESPACE=team-42\n");
		try (ConfigurableApplicationContext context = start()) {
			ConfigurableEnvironment environment = context.getEnvironment();
			assertThat(environment.getProperty("interactor.webhook.secret")).isEqualTo("whsec_from_dotenv");
			assertThat(environment.getProperty("sample.namespace")).isEqualTo("team-42");
			assertThat(EmbeddedMockMode.reason(environment)).isNull();
		}
	}

	@Test
	void emptyEnvironmentVariableDoesNotOverrideADefault() {
		StandardEnvironment environment = new StandardEnvironment();
		Map<String, Object> variables = new HashMap<>();
		variables.put("INTERACTOR_WEBHOOK_SECRET", "");
		variables.put("INTERACTOR_CLIENT_ID", "client_from_environment");
		variables.put("OTHER_EMPTY", "");
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		environment.getPropertySources()
			.addLast(new MapPropertySource("application.yml",
					Map.of("interactor.webhook.secret", "whsec_default")));
		// Relaxed binding maps INTERACTOR_WEBHOOK_SECRET onto interactor.webhook.secret: empty, it wins.
		assertThat(environment.getProperty("interactor.webhook.secret")).isEmpty();

		new DotEnvVariables().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("interactor.webhook.secret")).isEqualTo("whsec_default");
		assertThat(environment.getProperty("interactor.client-id")).isEqualTo("client_from_environment");
		assertThat(environment.getProperty("OTHER_EMPTY")).as("only INTERACTOR_* variables are touched").isEmpty();
	}

	private void writeDotEnv(String content) throws IOException {
		Files.writeString(this.directory.resolve(".env"), content);
	}

	private ConfigurableApplicationContext start() {
		SpringApplication application = new SpringApplication(SampleApplication.class);
		// Deduced from the stack otherwise (the test runner's); in AOT mode it names the generated initializer.
		application.setMainApplicationClass(SampleApplication.class);
		return application.run("--server.port=0",
				"--spring.config.import=optional:file:" + this.directory.resolve(".env") + "[.properties]");
	}

}
