/**
 * Webhook dispatch: discovery of {@link io.interactor.spring.webhook.InteractorWebhook} methods, the handler
 * registry, argument resolution and the {@link io.interactor.spring.webhook.dispatch.WebhookDispatcher} pipeline.
 */
@NullMarked
package io.interactor.spring.webhook.dispatch;

import org.jspecify.annotations.NullMarked;
