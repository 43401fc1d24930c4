/**
 * Signed webhook deliveries for testing an application's {@code @InteractorWebhook} handlers:
 * {@link io.interactor.spring.test.webhook.WebhookTestRequests}.
 */
@NullMarked
package io.interactor.spring.test.webhook;

import org.jspecify.annotations.NullMarked;
