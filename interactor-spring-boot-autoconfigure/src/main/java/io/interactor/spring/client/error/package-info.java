/**
 * The {@link io.interactor.spring.client.error.InteractorException} hierarchy and the tolerant error-body parser.
 */
@NullMarked
package io.interactor.spring.client.error;

import org.jspecify.annotations.NullMarked;
