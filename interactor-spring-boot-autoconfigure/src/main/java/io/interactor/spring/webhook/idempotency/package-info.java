/**
 * Webhook idempotency: the store SPI that claims delivery keys atomically and records which handlers completed, and
 * its in-memory and Redis implementations.
 */
@NullMarked
package io.interactor.spring.webhook.idempotency;

import org.jspecify.annotations.NullMarked;
