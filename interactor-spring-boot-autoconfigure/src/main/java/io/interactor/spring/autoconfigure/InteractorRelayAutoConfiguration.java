package io.interactor.spring.autoconfigure;

import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.relay.RoomStreamRelay;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.codec.ServerSentEvent;

/**
 * Auto-configuration of the {@link RoomStreamRelay} that controllers use to relay a room's event stream to a
 * browser. Defined when a {@link ReactiveInteractorClient} bean exists; lazy like the client, so that an
 * application that never injects the relay starts without Interactor credentials. A {@link RoomStreamRelay} bean of
 * the application (other stream settings or keep-alive interval) replaces it.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = InteractorClientAutoConfiguration.class)
@ConditionalOnClass(ServerSentEvent.class)
public final class InteractorRelayAutoConfiguration {

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	@ConditionalOnBean(ReactiveInteractorClient.class)
	RoomStreamRelay roomStreamRelay(ReactiveInteractorClient reactiveInteractorClient) {
		return new RoomStreamRelay(reactiveInteractorClient);
	}

}
