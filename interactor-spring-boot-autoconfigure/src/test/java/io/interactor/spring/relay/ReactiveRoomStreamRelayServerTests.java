package io.interactor.spring.relay;

import org.springframework.boot.WebApplicationType;

/**
 * The relay in a WebFlux controller on Reactor Netty.
 */
class ReactiveRoomStreamRelayServerTests extends AbstractRoomStreamRelayServerTests {

	@Override
	WebApplicationType webApplicationType() {
		return WebApplicationType.REACTIVE;
	}

}
