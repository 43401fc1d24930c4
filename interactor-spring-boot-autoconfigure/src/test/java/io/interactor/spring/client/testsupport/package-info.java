/**
 * Test support: a real HTTP peer standing in for the Interactor platform.
 */
@NullMarked
package io.interactor.spring.client.testsupport;

import org.jspecify.annotations.NullMarked;
