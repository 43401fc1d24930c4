package io.interactor.spring.actuate;

import io.interactor.spring.actuate.InteractorEndpoint.ClientDescriptor;
import io.interactor.spring.actuate.InteractorEndpoint.InteractorDescriptor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint built with plain constructors.
 */
class InteractorEndpointTests {

	@Test
	void baseUrlsLoseUserInfoQueryAndFragment() {
		ClientDescriptor client = new ClientDescriptor(true, "production",
				"https://user:p4ssw0rd@auth.example.com:8443/api/v1?token=abc#frag", "not a url at all");
		assertThat(client.accountServerUrl()).isEqualTo("https://auth.example.com:8443/api/v1");
		assertThat(client.coreApiUrl()).isEqualTo("<invalid>");
	}

	@Test
	void webhooksAreNullWhenDisabled() {
		InteractorEndpoint endpoint = new InteractorEndpoint(() -> new ClientDescriptor(false, "sandbox",
				"https://sandbox-auth.interactor.com/api/v1", "https://sandbox-core.interactor.com/api/v1"), null);
		InteractorDescriptor descriptor = endpoint.interactor();
		assertThat(descriptor.webhooks()).isNull();
		assertThat(descriptor.client().configured()).isFalse();
		assertThat(descriptor.client().coreApiUrl()).isEqualTo("https://sandbox-core.interactor.com/api/v1");
	}

}
