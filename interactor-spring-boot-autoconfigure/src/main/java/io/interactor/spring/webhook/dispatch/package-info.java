/**
 * Webhook dispatch: discovery of {@link io.interactor.spring.webhook.InteractorWebhook} methods, the handler
 * registry, argument resolution and the {@link io.interactor.spring.webhook.dispatch.WebhookDispatcher} pipeline,
 * which reports each delivery as the {@code interactor.webhook.delivery} observation
 * ({@link io.interactor.spring.webhook.dispatch.WebhookDeliveryObservationContext}; kept here because it carries the
 * dispatcher's {@link io.interactor.spring.webhook.dispatch.WebhookOutcome.Result}).
 */
@NullMarked
package io.interactor.spring.webhook.dispatch;

import org.jspecify.annotations.NullMarked;
