package io.interactor.sample;

import java.time.Duration;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.test.MockInteractorServer;
import io.interactor.spring.test.autoconfigure.MockInteractorAutoConfiguration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * Runs the sample offline: starts the mock Interactor platform inside the application and points the client at it
 * (its {@code InteractorConnectionDetails} replace the {@code interactor.*} URLs and credentials). Once the web
 * server runs, the mock delivers its webhook events to the sample's own endpoint, signed with
 * {@code interactor.webhook.secret}.
 * <p>
 * Only active as {@link EmbeddedMockMode} decides, and never silently: the start is logged with the reason and the
 * property that turns it off.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMockMode.class)
@ImportAutoConfiguration(MockInteractorAutoConfiguration.class)
class EmbeddedMockConfiguration {

	private static final Log logger = LogFactory.getLog(EmbeddedMockConfiguration.class);

	/**
	 * The mock, its replies paced like a model's so that the chat page shows them growing. Backs off the mock of
	 * {@link MockInteractorAutoConfiguration}, which then only wires the connection details and the webhook.
	 */
	@Bean(destroyMethod = "close")
	MockInteractorServer mockInteractorServer(Environment environment,
			@Value("${sample.mock.reply-chunk-interval:80ms}") Duration replyChunkInterval) {
		MockInteractorServer server = MockInteractorServer.builder().replyChunkInterval(replyChunkInterval).start();
		logger.warn("Started the embedded MOCK Interactor platform at " + server.baseUrl() + " because "
				+ EmbeddedMockMode.reason(environment) + ". Nothing reaches Interactor: assistants, rooms and webhook "
				+ "deliveries are simulated in memory. Set " + EmbeddedMockMode.PROPERTY
				+ "=false (INTERACTOR_MOCK_ENABLED=false) to turn it off.");
		return server;
	}

	/** The mock starts empty: give the chat page an assistant to talk to. */
	@EventListener(ApplicationReadyEvent.class)
	void seedAssistant(ApplicationReadyEvent event) {
		InteractorClient client = event.getApplicationContext().getBean(InteractorClient.class);
		String namespace = event.getApplicationContext().getEnvironment().getProperty("sample.namespace",
				SampleApplication.DEFAULT_NAMESPACE);
		if (client.assistants().list(namespace).data().isEmpty()) {
			event.getApplicationContext().getBean(MockInteractorServer.class).seed(namespace).assistant("Echo");
		}
	}

}
