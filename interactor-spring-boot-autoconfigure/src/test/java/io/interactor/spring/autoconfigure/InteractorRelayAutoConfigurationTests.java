package io.interactor.spring.autoconfigure;

import java.nio.charset.StandardCharsets;

import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.relay.RoomStreamRelay;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;

class InteractorRelayAutoConfigurationTests {

	private static final String[] CREDENTIALS = { "interactor.client-id=id", "interactor.client-secret=secret" };

	// Listed before the client's auto-configuration: the ordering must still see the client bean.
	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(InteractorRelayAutoConfiguration.class, InteractorClientAutoConfiguration.class));

	@Test
	void isRegisteredInAutoConfigurationImports() throws Exception {
		String imports = new String(getClass().getClassLoader()
			.getResourceAsStream("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")
			.readAllBytes(), StandardCharsets.UTF_8);
		assertThat(imports.lines()).contains(InteractorRelayAutoConfiguration.class.getName());
	}

	@Test
	void relayUsesTheClientBean() {
		this.runner.withPropertyValues(CREDENTIALS).run((context) -> {
			assertThat(context).hasSingleBean(RoomStreamRelay.class);
			assertThat(context.getBean(RoomStreamRelay.class)).isNotNull();
		});
	}

	@Test
	void relayIsLazySoThatAnApplicationWithoutCredentialsStarts() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeanFactory().getBeanDefinition("roomStreamRelay").isLazyInit()).isTrue();
		});
	}

	@Test
	void noRelayWithoutAReactiveClientBean() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InteractorRelayAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RoomStreamRelay.class));
	}

	@Test
	void backsOffFromARelayOfTheApplication() {
		this.runner.withPropertyValues(CREDENTIALS).withUserConfiguration(UserRelay.class).run((context) -> {
			assertThat(context).hasSingleBean(RoomStreamRelay.class);
			assertThat(context.getBean(RoomStreamRelay.class)).isSameAs(context.getBean("userRelay"));
		});
	}

	@Test
	void noRelayWithoutSpringWeb() {
		this.runner.withPropertyValues(CREDENTIALS)
			.withClassLoader(new FilteredClassLoader(ServerSentEvent.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RoomStreamRelay.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserRelay {

		@Bean
		RoomStreamRelay userRelay(ReactiveInteractorClient client) {
			return new RoomStreamRelay(client);
		}

	}

}
