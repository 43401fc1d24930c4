/**
 * The Interactor API client: {@link io.interactor.spring.client.InteractorClient} (blocking) and
 * {@link io.interactor.spring.client.ReactiveInteractorClient}, with paging and per-call options.
 */
@NullMarked
package io.interactor.spring.client;

import org.jspecify.annotations.NullMarked;
