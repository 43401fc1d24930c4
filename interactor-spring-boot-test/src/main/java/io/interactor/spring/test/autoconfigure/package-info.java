/**
 * Spring Boot test integration of the mock Interactor platform: {@link
 * io.interactor.spring.test.autoconfigure.AutoConfigureMockInteractor}.
 */
@NullMarked
package io.interactor.spring.test.autoconfigure;

import org.jspecify.annotations.NullMarked;
