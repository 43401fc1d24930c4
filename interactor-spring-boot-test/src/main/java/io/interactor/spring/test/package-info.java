/**
 * An in-process mock of the Interactor platform for tests: {@link io.interactor.spring.test.MockInteractorServer}
 * serves the token endpoint and the Core API over real HTTP on {@code 127.0.0.1}, with a fluent control API to seed
 * state, inject faults and read the request log.
 */
@NullMarked
package io.interactor.spring.test;

import org.jspecify.annotations.NullMarked;
