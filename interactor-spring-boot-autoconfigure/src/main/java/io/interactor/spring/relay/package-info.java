/**
 * Relaying Interactor event streams to browsers: {@link io.interactor.spring.relay.RoomStreamRelay} turns a room's
 * stream into server-sent events that a Spring MVC or WebFlux controller returns, so that a page follows a
 * conversation without ever seeing an Interactor token.
 */
@NullMarked
package io.interactor.spring.relay;

import org.jspecify.annotations.NullMarked;
