/**
 * Auto-configuration for the Interactor starter and its {@code interactor.*} properties: wiring only.
 */
@NullMarked
package io.interactor.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
