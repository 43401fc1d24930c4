package io.interactor.spring.client.core;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lazy auto-paging: a page is fetched only when the consumer has taken every item of the previous one, and paging
 * stops on the last page (or the first empty one). The {@code int} variants walk page numbers; the generic ones take
 * a function deriving the next request from the last page, for cursor-paged lists.
 *
 * @since 0.1.0
 */
public final class Paging {

	private Paging() {
	}

	/**
	 * All items of a list, reactively.
	 * @param <T> the item type
	 * @param firstPage the number of the first page to fetch (1-based)
	 * @param fetch fetches a page by number
	 * @return the items in order
	 */
	public static <T> Flux<T> flux(int firstPage, Function<Integer, Mono<Page<T>>> fetch) {
		return flux(firstPage, fetch, Paging::nextPageNumber);
	}

	/**
	 * All items of a list, blocking: a page is fetched when the stream reaches it.
	 * @param <T> the item type
	 * @param firstPage the number of the first page to fetch (1-based)
	 * @param fetch fetches a page by number
	 * @return the items in order
	 */
	public static <T> Stream<T> stream(int firstPage, Function<Integer, Page<T>> fetch) {
		return stream(firstPage, fetch, Paging::nextPageNumber);
	}

	/**
	 * All items of a list whose next request is derived from the previous page (cursor or page number), reactively.
	 * @param <T> the item type
	 * @param <P> the request parameters type
	 * @param first the parameters of the first page
	 * @param fetch fetches a page
	 * @param next the parameters of the page after a fetched one, or {@code null} when it was the last
	 * @return the items in order
	 */
	public static <T, P> Flux<T> flux(P first, Function<P, Mono<Page<T>>> fetch,
			BiFunction<P, Page<T>, @Nullable P> next) {
		return Flux.defer(() -> fetch.apply(first).flatMapMany((page) -> {
			P following = page.data().isEmpty() ? null : next.apply(first, page);
			return Flux.fromIterable(page.data())
				.concatWith((following != null) ? flux(following, fetch, next) : Flux.empty());
		}));
	}

	/**
	 * All items of a list whose next request is derived from the previous page (cursor or page number), blocking:
	 * a page is fetched when the stream reaches it.
	 * @param <T> the item type
	 * @param <P> the request parameters type
	 * @param first the parameters of the first page
	 * @param fetch fetches a page
	 * @param next the parameters of the page after a fetched one, or {@code null} when it was the last
	 * @return the items in order
	 */
	public static <T, P> Stream<T> stream(P first, Function<P, Page<T>> fetch,
			BiFunction<P, Page<T>, @Nullable P> next) {
		Iterator<T> iterator = new Iterator<>() {

			private @Nullable Iterator<T> current;

			private @Nullable P nextParams = first;

			@Override
			public boolean hasNext() {
				while ((this.current == null || !this.current.hasNext()) && this.nextParams != null) {
					P params = this.nextParams;
					Page<T> page = fetch.apply(params);
					this.current = page.data().iterator();
					this.nextParams = page.data().isEmpty() ? null : next.apply(params, page);
				}
				return this.current != null && this.current.hasNext();
			}

			@Override
			public T next() {
				if (!hasNext() || this.current == null) {
					throw new NoSuchElementException();
				}
				return this.current.next();
			}

		};
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false);
	}

	private static @Nullable Integer nextPageNumber(Integer requested, Page<?> page) {
		if (!page.hasNext()) {
			return null;
		}
		Integer served = page.meta().page();
		return ((served != null) ? served : requested) + 1;
	}

}
