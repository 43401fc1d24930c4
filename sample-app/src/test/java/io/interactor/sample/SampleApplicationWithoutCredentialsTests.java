package io.interactor.sample;

import java.net.http.HttpResponse;

import io.interactor.spring.test.MockInteractorServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample without credentials and with the embedded mock switched off: it still starts, and explains what to set.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "interactor.mock.enabled=false")
class SampleApplicationWithoutCredentialsTests {

	@LocalServerPort
	int port;

	@Test
	void startsAndExplainsWhatToConfigure() throws Exception {
		HttpResponse<String> response = SampleHttp.get(this.port, "/assistants?namespace=user_1");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("INTERACTOR_CLIENT_ID");
		assertThat(SampleHttp.get(this.port, "/api/assistants").statusCode()).isEqualTo(503);
		assertThat(SampleHttp.get(this.port, "/actuator/health").statusCode()).isEqualTo(200);
	}

	@Test
	void roomStreamAnswers503SoTheBrowserStopsReconnecting() throws Exception {
		HttpResponse<String> response = SampleHttp.get(this.port, "/api/rooms/room_1/events");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).doesNotContain("Exception");
	}

	@Test
	void noMockIsStarted(@Autowired ApplicationContext context) {
		assertThat(context.getBeanNamesForType(MockInteractorServer.class)).isEmpty();
	}

	@Test
	void interactorEndpointShowsTheWebhookHandlersButNoSecret() throws Exception {
		HttpResponse<String> response = SampleHttp.get(this.port, "/actuator/interactor");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"configured\":false")
			.contains("\"secretConfigured\":true")
			.contains("room.message.created")
			.contains("sampleWebhookHandlers#")
			.doesNotContain("whsec_sample_dev_only");
	}

}
