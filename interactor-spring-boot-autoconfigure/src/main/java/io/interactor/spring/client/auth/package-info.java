/**
 * Access tokens for the Core API: the {@link io.interactor.spring.client.auth.AccessTokenProvider} SPI and the
 * OAuth client-credentials implementation.
 */
@NullMarked
package io.interactor.spring.client.auth;

import org.jspecify.annotations.NullMarked;
