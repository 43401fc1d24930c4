/**
 * Resource groups of the Core API (one class per group) and their request and response records.
 * <p>
 * Each group comes twice with the same methods: a reactive class ({@code ReactiveAssistants}, ...) and its blocking
 * twin ({@code Assistants}, ...). The reactive method documents the operation; its blocking twin refers to it and
 * differs only in how the result arrives: it waits on the calling thread for {@code Mono<T>} and returns {@code T}
 * ({@code void} for {@code Mono<Void>}), throws what the reactive method signals as an error (an {@link
 * io.interactor.spring.client.error.InteractorException}; an interrupted wait cancels the call and throws one too,
 * with the thread's interrupt status kept), returns a lazily paged {@link java.util.stream.Stream} for a
 * {@code Flux} of items, and an {@link io.interactor.spring.client.stream.EventStream} to iterate over and close for a
 * {@code Flux} of stream events. Never call a blocking method on a reactive event-loop thread.
 */
@NullMarked
package io.interactor.spring.client.resource;

import org.jspecify.annotations.NullMarked;
