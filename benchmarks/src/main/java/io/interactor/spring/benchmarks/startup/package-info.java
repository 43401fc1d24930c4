/**
 * The start-up app (P5): started with and without the starter on its classpath.
 */
@NullMarked
package io.interactor.spring.benchmarks.startup;

import org.jspecify.annotations.NullMarked;
