/**
 * How the Interactor client reports through Micrometer's Observation API: one observation per Core API call
 * ({@code interactor.client.call}), per HTTP attempt ({@code interactor.client.request}), per access token request
 * ({@code interactor.client.token}) and per event stream connection ({@code interactor.client.stream}). Each has an
 * {@link io.micrometer.observation.Observation.Context} carrying what happened and an
 * {@link io.micrometer.observation.ObservationConvention} (an interface and its {@code Default...} implementation)
 * that turns it into key values; {@link io.interactor.spring.client.observation.InteractorClientTags} holds the rules
 * that keep low-cardinality values bounded.
 */
@NullMarked
package io.interactor.spring.client.observation;

import org.jspecify.annotations.NullMarked;
