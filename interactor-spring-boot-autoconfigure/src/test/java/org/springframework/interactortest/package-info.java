/**
 * Test classes that must live in one of Spring's packages.
 */
@NullMarked
package org.springframework.interactortest;

import org.jspecify.annotations.NullMarked;
