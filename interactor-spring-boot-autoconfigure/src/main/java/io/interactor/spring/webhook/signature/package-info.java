/**
 * Webhook signature verification: HMAC-SHA256, timestamp tolerance and secret rotation.
 */
@NullMarked
package io.interactor.spring.webhook.signature;

import org.jspecify.annotations.NullMarked;
