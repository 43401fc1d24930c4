package io.interactor.spring.relay;

import org.springframework.boot.WebApplicationType;

/**
 * The relay in a Spring MVC controller on Tomcat.
 */
class ServletRoomStreamRelayServerTests extends AbstractRoomStreamRelayServerTests {

	@Override
	WebApplicationType webApplicationType() {
		return WebApplicationType.SERVLET;
	}

}
