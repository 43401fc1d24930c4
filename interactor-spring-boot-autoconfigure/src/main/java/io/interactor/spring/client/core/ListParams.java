package io.interactor.spring.client.core;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Which page of a list to fetch.
 *
 * @param page the 1-based page number, or {@code null} for the server's default (the first)
 * @param perPage the page size (the platform allows up to 100), or {@code null} for the server's default
 * @since 0.1.0
 */
public record ListParams(@Nullable Integer page, @Nullable Integer perPage) {

	private static final ListParams DEFAULTS = new ListParams(null, null);

	public ListParams {
		Assert.isTrue(page == null || page >= 1, "page must be 1 or more");
		Assert.isTrue(perPage == null || perPage >= 1, "perPage must be 1 or more");
	}

	/**
	 * The server's defaults.
	 * @return the default parameters
	 */
	public static ListParams defaults() {
		return DEFAULTS;
	}

	/**
	 * A given page with the server's page size.
	 * @param page the 1-based page number
	 * @return the parameters
	 */
	public static ListParams page(int page) {
		return new ListParams(page, null);
	}

	/**
	 * A given page and page size.
	 * @param page the 1-based page number
	 * @param perPage the page size
	 * @return the parameters
	 */
	public static ListParams of(int page, int perPage) {
		return new ListParams(page, perPage);
	}

	/**
	 * A copy for another page.
	 * @param page the 1-based page number
	 * @return the parameters
	 */
	public ListParams withPage(int page) {
		return new ListParams(page, this.perPage);
	}

	/**
	 * The page to start from.
	 * @return the page number, 1 by default
	 */
	public int pageOrFirst() {
		return (this.page != null) ? this.page : 1;
	}

}
