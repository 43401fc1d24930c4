/**
 * Operations support for Spring Boot's health and actuator modules: the {@code interactor} health contributor and
 * the {@code interactor} actuator endpoint. Nothing here reports a token, a secret or payload content.
 */
@NullMarked
package io.interactor.spring.actuate;

import org.jspecify.annotations.NullMarked;
