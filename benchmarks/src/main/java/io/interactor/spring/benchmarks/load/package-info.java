/**
 * The webhook load app (P2) and the deliveries it is loaded with.
 */
@NullMarked
package io.interactor.spring.benchmarks.load;

import org.jspecify.annotations.NullMarked;
