/**
 * Server-sent event streams of rooms and workflow instances: {@link io.interactor.spring.client.stream.StreamEvent},
 * reconnect with back-off and {@code Last-Event-ID}, heartbeat watchdog, and a blocking
 * {@link io.interactor.spring.client.stream.EventStream}.
 */
@NullMarked
package io.interactor.spring.client.stream;

import org.jspecify.annotations.NullMarked;
