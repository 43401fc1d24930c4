/**
 * Test support.
 */
@NullMarked
package io.interactor.spring.test;

import org.jspecify.annotations.NullMarked;
