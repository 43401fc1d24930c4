package io.interactor.spring.test.autoconfigure;

import io.interactor.spring.autoconfigure.InteractorClientAutoConfiguration;
import io.interactor.spring.autoconfigure.InteractorConnectionDetails;
import io.interactor.spring.test.MockInteractorServer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration imported by {@link AutoConfigureMockInteractor}: a {@link MockInteractorServer} on a random
 * port, closed with the context, and the {@link InteractorConnectionDetails} that lead the client to it. Runs before
 * the client's auto-configuration so that the properties-based connection details back off.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = InteractorClientAutoConfiguration.class)
public final class MockInteractorAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	MockInteractorServer mockInteractorServer() {
		return MockInteractorServer.start();
	}

	@Bean
	@ConditionalOnMissingBean(InteractorConnectionDetails.class)
	MockInteractorConnectionDetails mockInteractorConnectionDetails(MockInteractorServer server) {
		return new MockInteractorConnectionDetails(server);
	}

}
