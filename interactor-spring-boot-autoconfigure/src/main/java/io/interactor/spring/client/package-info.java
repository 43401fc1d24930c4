/**
 * The Interactor API client: {@link io.interactor.spring.client.InteractorClient} (blocking) and
 * {@link io.interactor.spring.client.ReactiveInteractorClient}. The value types they share with the resource groups
 * (pages, list parameters, per-call options) are in {@link io.interactor.spring.client.core}.
 */
@NullMarked
package io.interactor.spring.client;

import org.jspecify.annotations.NullMarked;
