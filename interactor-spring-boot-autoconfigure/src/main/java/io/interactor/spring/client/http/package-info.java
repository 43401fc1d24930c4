/**
 * The outbound request pipeline: authentication, retries with back-off, idempotency keys and error mapping.
 */
@NullMarked
package io.interactor.spring.client.http;

import org.jspecify.annotations.NullMarked;
