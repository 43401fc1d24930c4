package io.interactor.spring.webhook.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Every outcome counted once, on a real Tomcat with Spring Security's default chain active.
 */
@SpringBootTest(classes = WebhookOutcomeCountApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "interactor.webhook.max-payload-size=4KB" })
class ServletWebhookOutcomeCountServerTests extends AbstractWebhookOutcomeCountServerTests {

}
