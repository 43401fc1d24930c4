package io.interactor.spring.client.core;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list response.
 *
 * @param <T> the item type
 * @param data the items of this page
 * @param meta the paging information
 * @since 0.1.0
 */
public record Page<T>(List<T> data, PageMeta meta) {

	public Page {
		data = List.copyOf(data);
	}

	/**
	 * Whether another page follows this one.
	 * @return whether to fetch another page
	 */
	public boolean hasNext() {
		return !this.data.isEmpty() && this.meta.hasNext();
	}

	/**
	 * This page with its items converted.
	 * @param <R> the new item type
	 * @param mapper the conversion
	 * @return a new page with the same meta
	 */
	public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
		return new Page<>(this.data.stream().<R>map(mapper).toList(), this.meta);
	}

}
