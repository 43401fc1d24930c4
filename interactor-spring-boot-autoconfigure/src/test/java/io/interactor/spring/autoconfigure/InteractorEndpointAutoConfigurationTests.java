package io.interactor.spring.autoconfigure;

import io.interactor.spring.actuate.InteractorEndpoint;
import io.interactor.spring.actuate.InteractorEndpoint.ClientDescriptor;
import io.interactor.spring.client.auth.AccessTokenProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client part of the {@code interactor} endpoint's auto-configuration: it follows the beans, never creating a
 * token provider that cannot exist.
 */
class InteractorEndpointAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InteractorClientAutoConfiguration.class,
				InteractorEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=interactor", "interactor.webhook.enabled=false");

	@Test
	void notConfiguredWithoutCredentials() {
		this.runner.run((context) -> {
			ClientDescriptor client = context.getBean(InteractorEndpoint.class).interactor().client();
			assertThat(client.configured()).isFalse();
			assertThat(client.coreApiUrl()).isEqualTo("https://core.interactor.com/api/v1");
			assertThat(context).doesNotHaveBean(AccessTokenProvider.class);
		});
	}

	@Test
	void connectionDetailsOfTheApplicationAreDescribed() {
		this.runner.withBean(InteractorConnectionDetails.class, Details::new).run((context) -> {
			ClientDescriptor client = context.getBean(InteractorEndpoint.class).interactor().client();
			assertThat(client.configured()).isTrue();
			assertThat(client.accountServerUrl()).isEqualTo("https://auth.example.com/api/v1");
			assertThat(client.coreApiUrl()).isEqualTo("https://core.example.com/api/v1");
		});
	}

	@Test
	void backsOffToTheApplicationsEndpoint() {
		InteractorEndpoint own = new InteractorEndpoint(
				() -> new ClientDescriptor(false, "production", "https://a.example", "https://b.example"), null);
		this.runner.withBean(InteractorEndpoint.class, () -> own)
			.run((context) -> assertThat(context).getBean(InteractorEndpoint.class).isSameAs(own));
	}

	static class Details implements InteractorConnectionDetails {

		@Override
		public String getAccountServerUrl() {
			return "https://auth.example.com/api/v1";
		}

		@Override
		public String getCoreApiUrl() {
			return "https://core.example.com/api/v1";
		}

		@Override
		public @Nullable String getClientId() {
			return "client_1";
		}

		@Override
		public @Nullable String getClientSecret() {
			return "secret_1";
		}

	}

}
