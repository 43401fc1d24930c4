package io.interactor.spring.relay;

import org.junit.jupiter.api.BeforeAll;

import org.springframework.boot.WebApplicationType;

/**
 * The relay in a WebFlux controller on Reactor Netty.
 */
class ReactiveRoomStreamRelayServerTests extends AbstractRoomStreamRelayServerTests {

	@BeforeAll
	static void start() throws Exception {
		startApplication(WebApplicationType.REACTIVE);
	}

}
