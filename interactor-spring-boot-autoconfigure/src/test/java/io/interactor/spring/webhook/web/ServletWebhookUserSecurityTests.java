package io.interactor.spring.webhook.web;

import io.interactor.spring.test.Deliveries;
import io.interactor.spring.webhook.InteractorEvents;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An application with its own catch-all security filter chain: the webhook chain still lets deliveries through, the
 * application's chain still protects everything else, and the opt-out hands the path back to the application.
 */
class ServletWebhookUserSecurityTests {

	static ResultActions deliver(MockMvc mvc) throws Exception {
		String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED);
		return mvc.perform(post("/webhooks/interactor").headers(Deliveries.sign(body))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	@Nested
	@SpringBootTest(classes = UserSecurity.class,
			properties = { "interactor.webhook.secret=" + Deliveries.SECRET, "interactor.webhook.idempotency.store=memory" })
	@AutoConfigureMockMvc
	class WithWebhookChain {

		@Autowired
		private MockMvc mvc;

		@Test
		void webhookPostSucceedsWithoutCsrfOrLogin() throws Exception {
			deliver(this.mvc).andExpect(status().isOk());
		}

		@Test
		void otherPostKeepsTheApplicationsRules() throws Exception {
			this.mvc.perform(post("/other").with(user("alice"))).andExpect(status().isForbidden());
			this.mvc.perform(post("/other").with(csrf())).andExpect(status().isUnauthorized());
			this.mvc.perform(post("/other").with(user("alice")).with(csrf())).andExpect(status().isOk());
		}

	}

	@Nested
	@SpringBootTest(classes = UserSecurity.class, properties = { "interactor.webhook.secret=" + Deliveries.SECRET,
			"interactor.webhook.idempotency.store=memory",
			"interactor.webhook.security.permit-path=false" })
	@AutoConfigureMockMvc
	class OptedOut {

		@Autowired
		private MockMvc mvc;

		@Test
		void webhookPathIsLeftToTheApplicationsChain() throws Exception {
			deliver(this.mvc).andExpect(status().isForbidden());
		}

	}

	@Import(WebhookTestApplication.class)
	static class UserSecurity {

		@Bean
		SecurityFilterChain applicationChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.httpBasic(Customizer.withDefaults())
				.build();
		}

	}

}
