/**
 * The webhook HTTP endpoints: {@code RouterFunction}s for servlet and reactive applications, thin adapters over the
 * {@link io.interactor.spring.webhook.dispatch.WebhookDispatcher}.
 */
@NullMarked
package io.interactor.spring.webhook.web;

import org.jspecify.annotations.NullMarked;
