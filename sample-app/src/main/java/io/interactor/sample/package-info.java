/**
 * The sample application: a chat page with streamed replies and live webhook deliveries, running against Interactor
 * or, without credentials, against the mock platform embedded in the same process.
 */
@NullMarked
package io.interactor.sample;

import org.jspecify.annotations.NullMarked;
