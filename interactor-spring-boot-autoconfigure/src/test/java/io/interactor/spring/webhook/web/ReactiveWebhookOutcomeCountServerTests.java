package io.interactor.spring.webhook.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Every outcome counted once, on a real Reactor Netty server (Spring Security's reactive auto-configuration
 * excluded, as in {@link ReactiveWebhookEndpointServerTests}).
 */
@SpringBootTest(classes = WebhookOutcomeCountApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "interactor.webhook.max-payload-size=4KB",
				"spring.autoconfigure.exclude=org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
						+ "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration,"
						+ "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration" })
class ReactiveWebhookOutcomeCountServerTests extends AbstractWebhookOutcomeCountServerTests {

}
