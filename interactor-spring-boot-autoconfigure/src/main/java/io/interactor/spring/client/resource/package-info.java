/**
 * Resource groups of the Core API (one class per group) and their request and response records.
 */
@NullMarked
package io.interactor.spring.client.resource;

import org.jspecify.annotations.NullMarked;
