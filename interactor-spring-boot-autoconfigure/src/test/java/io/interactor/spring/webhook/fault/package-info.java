/**
 * The fault suite of the webhook side: Redis servers of its own, network faults, killed instances and load.
 */
@NullMarked
package io.interactor.spring.webhook.fault;

import org.jspecify.annotations.NullMarked;
