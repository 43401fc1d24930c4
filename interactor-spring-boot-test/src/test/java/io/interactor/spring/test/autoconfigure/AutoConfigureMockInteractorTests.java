package io.interactor.spring.test.autoconfigure;

import io.interactor.spring.autoconfigure.InteractorConnectionDetails;
import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.resource.CreateRoomRequest;
import io.interactor.spring.client.resource.Message;
import io.interactor.spring.client.resource.Room;
import io.interactor.spring.client.resource.SendMessageRequest;
import io.interactor.spring.test.MockInteractorServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureMockInteractor} in a {@code @SpringBootTest} without any {@code interactor.*} property.
 */
@SpringBootTest
@AutoConfigureMockInteractor
class AutoConfigureMockInteractorTests {

	@Autowired
	private MockInteractorServer interactor;

	@Autowired
	private InteractorClient client;

	@Autowired
	private InteractorConnectionDetails connectionDetails;

	@Autowired
	private Environment environment;

	@AfterEach
	void reset() {
		this.interactor.reset();
	}

	@Test
	void clientTalksToTheMockWithoutAnyProperty() {
		assertThat(this.environment.getProperty("interactor.client-id")).isNull();
		assertThat(this.environment.getProperty("interactor.core-api-url")).isNull();
		String assistantId = this.interactor.seed("user_42").assistant("support");

		Room room = this.client.rooms().create("user_42", CreateRoomRequest.of(assistantId));
		this.client.rooms().sendMessage("user_42", room.id(), SendMessageRequest.of("hello"));

		assertThat(this.client.rooms().listMessages("user_42", room.id()).data()).extracting(Message::content)
			.containsExactly("hello", "You said: hello");
		assertThat(this.interactor.requests("POST", "/rooms/{roomId}/messages")).singleElement()
			.satisfies((request) -> assertThat(request.header("X-Namespace")).isEqualTo("user_42"));
	}

	@Test
	void connectionDetailsPointAtTheMock() {
		assertThat(this.connectionDetails.getCoreApiUrl()).isEqualTo(this.interactor.coreApiUrl());
		assertThat(this.connectionDetails.getAccountServerUrl()).isEqualTo(this.interactor.accountServerUrl());
		assertThat(this.connectionDetails.getClientId()).isEqualTo(this.interactor.clientId());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
