/**
 * JMH benchmarks of the starter's hot paths.
 */
@NullMarked
package io.interactor.spring.benchmarks;

import org.jspecify.annotations.NullMarked;
