package io.interactor.spring.relay;

import org.junit.jupiter.api.BeforeAll;

import org.springframework.boot.WebApplicationType;

/**
 * The relay in a Spring MVC controller on Tomcat.
 */
class ServletRoomStreamRelayServerTests extends AbstractRoomStreamRelayServerTests {

	@BeforeAll
	static void start() throws Exception {
		startApplication(WebApplicationType.SERVLET);
	}

}
