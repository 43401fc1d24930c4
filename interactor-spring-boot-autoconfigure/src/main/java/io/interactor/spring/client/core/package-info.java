/**
 * Value types shared by every part of the client: per-call {@link io.interactor.spring.client.core.RequestOptions},
 * {@link io.interactor.spring.client.core.Page} and its {@link io.interactor.spring.client.core.PageMeta}, list
 * parameters, paging, idempotency keys, base URLs and the platform's environments. This package depends on no other
 * package of the starter.
 */
@NullMarked
package io.interactor.spring.client.core;

import org.jspecify.annotations.NullMarked;
