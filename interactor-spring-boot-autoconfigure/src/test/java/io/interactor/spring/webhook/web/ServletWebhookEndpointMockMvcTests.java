package io.interactor.spring.webhook.web;

import io.interactor.spring.test.Deliveries;
import io.interactor.spring.webhook.InteractorEvents;
import io.interactor.spring.webhook.WebhookSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The DESIGN.md status table through the servlet endpoint, with Spring Security on the classpath and no security
 * configuration of the application's own.
 */
@SpringBootTest(classes = WebhookTestApplication.class,
		properties = { "interactor.webhook.secret=" + Deliveries.SECRET, "interactor.webhook.max-payload-size=4KB" })
@AutoConfigureMockMvc
class ServletWebhookEndpointMockMvcTests {

	private static final String PATH = "/webhooks/interactor";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private WebhookTestApplication.Handlers handlers;

	@Autowired
	private WebhookTestApplication.SwitchableStore store;

	@AfterEach
	void storeUp() {
		this.store.down = false;
	}

	private ResultActions deliver(String body, HttpHeaders headers) throws Exception {
		return this.mvc.perform(post(PATH).headers(headers).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private ResultActions deliver(String body) throws Exception {
		return deliver(body, Deliveries.sign(body));
	}

	@Test
	void processedDeliveryIsAcknowledgedWithoutCsrfOrLogin() throws Exception {
		int before = this.handlers.messages.get();
		deliver(Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED)).andExpect(status().isOk())
			.andExpect(content().json("{\"received\":true}", org.springframework.test.json.JsonCompareMode.STRICT));
		assertThat(this.handlers.messages.get()).isEqualTo(before + 1);
		assertThat(this.handlers.lastContent).hasValue("hello");
	}

	@Test
	void duplicateIsAcknowledgedWithoutInvokingTheHandler() throws Exception {
		String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED);
		deliver(body).andExpect(status().isOk());
		int after = this.handlers.messages.get();
		deliver(body).andExpect(status().isOk()).andExpect(content().string("{\"received\":true,\"duplicate\":true}"));
		assertThat(this.handlers.messages.get()).isEqualTo(after);
	}

	@Test
	void unknownTypeIsAcknowledged() throws Exception {
		deliver(Deliveries.body("agent.brand_new")).andExpect(status().isOk())
			.andExpect(content().string("{\"received\":true,\"handled\":false}"));
	}

	@Test
	void badSignatureIs401AndInvokesNothing() throws Exception {
		int before = this.handlers.messages.get();
		String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED);
		deliver(body, new WebhookSigner("whsec_wrong").headers(null, body)).andExpect(status().isUnauthorized())
			.andExpect(content().string("{\"error\":\"invalid_signature\"}"));
		HttpHeaders unsigned = new HttpHeaders();
		deliver(body, unsigned).andExpect(status().isUnauthorized());
		assertThat(this.handlers.messages.get()).isEqualTo(before);
	}

	@Test
	void staleTimestampIs401() throws Exception {
		String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED);
		String stale = Long.toString(java.time.Instant.now().minusSeconds(3600).getEpochSecond());
		deliver(body, new WebhookSigner(Deliveries.SECRET).headers(null, Deliveries.bytes(body), stale))
			.andExpect(status().isUnauthorized())
			.andExpect(content().string("{\"error\":\"invalid_timestamp\"}"));
	}

	@Test
	void malformedJsonIs400() throws Exception {
		deliver("{not json").andExpect(status().isBadRequest())
			.andExpect(content().string("{\"error\":\"invalid_json\"}"));
	}

	@Test
	void oversizedBodyIs413() throws Exception {
		String body = Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED, "evt_big",
				"{\"content\":\"" + "x".repeat(5000) + "\"}");
		deliver(body).andExpect(status().is(413))
			.andExpect(content().string("{\"error\":\"payload_too_large\"}"));
	}

	@Test
	void handlerFailureIs500WithoutDetails() throws Exception {
		String body = Deliveries.body(InteractorEvents.WORKFLOW_INSTANCE_FAILED, "evt_fail",
				"{\"instance_id\":\"wi_secret_42\"}");
		deliver(body).andExpect(status().isInternalServerError())
			.andExpect(content().string("{\"error\":\"handler_failed\"}"));
	}

	@Test
	void storeOutageIs503WithRetryAfter() throws Exception {
		this.store.down = true;
		int before = this.handlers.messages.get();
		deliver(Deliveries.body(InteractorEvents.ROOM_MESSAGE_CREATED)).andExpect(status().isServiceUnavailable())
			.andExpect(header().exists(HttpHeaders.RETRY_AFTER))
			.andExpect(content().string("{\"error\":\"idempotency_store_unavailable\"}"));
		assertThat(this.handlers.messages.get()).isEqualTo(before);
	}

	@Test
	void otherPostEndpointStillDemandsCsrf() throws Exception {
		this.mvc.perform(post("/other").with(user("alice"))).andExpect(status().isForbidden());
		this.mvc.perform(post("/other").with(user("alice")).with(csrf())).andExpect(status().isOk());
	}

	@Test
	void otherPostEndpointStillDemandsLogin() throws Exception {
		this.mvc.perform(post("/other").with(csrf())).andExpect(status().isUnauthorized());
	}

	@Test
	void webhookPathIsOnlyOpenForPost() throws Exception {
		this.mvc.perform(get(PATH)).andExpect(status().isUnauthorized());
	}

}
