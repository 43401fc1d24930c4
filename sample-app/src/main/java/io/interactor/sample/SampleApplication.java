package io.interactor.sample;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.ApplicationListener;

/**
 * A Spring MVC application using the Interactor starter: a chat page at {@code /} with streamed replies and a live
 * list of the webhook deliveries the application received. With {@code INTERACTOR_CLIENT_ID} and
 * {@code INTERACTOR_CLIENT_SECRET} it talks to Interactor; without them it starts the mock platform in-process (see
 * {@link EmbeddedMockConfiguration}).
 */
@SpringBootApplication
public class SampleApplication {

	/** The namespace (end user) the chat page works in unless {@code sample.namespace} says otherwise. */
	static final String DEFAULT_NAMESPACE = "sample-user";

	private static final Log logger = LogFactory.getLog(SampleApplication.class);

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

	/** Prints the URL of the chat page once the web server listens (not for the management server, if any). */
	@Bean
	static ApplicationListener<WebServerInitializedEvent> chatPageUrlLogger() {
		return (event) -> {
			if (event.getApplicationContext().getServerNamespace() == null) {
				logger.info("Chat page: open http://localhost:" + event.getWebServer().getPort() + "/");
			}
		};
	}

}
