/**
 * Receiving Interactor webhooks: the {@link io.interactor.spring.webhook.InteractorWebhook} annotation, the
 * {@link io.interactor.spring.webhook.WebhookEvent} envelope, event-type constants, typed payloads and the
 * {@link io.interactor.spring.webhook.WebhookSigner}.
 */
@NullMarked
package io.interactor.spring.webhook;

import org.jspecify.annotations.NullMarked;
