package io.interactor.spring.client.resource;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Which messages of a room to list. The platform pages messages either by page number ({@code page},
 * {@code per_page}) or by cursor ({@code limit}, {@code cursor}); {@code null} fields are not sent, and
 * {@code listAllMessages} follows whichever the server answers with.
 *
 * @param page the 1-based page number
 * @param perPage the page size
 * @param order the order, {@code null} for the server's default
 * @param limit the page size for cursor paging
 * @param cursor the cursor of the page to fetch
 * @since 0.1.0
 */
public record MessageListParams(@Nullable Integer page, @Nullable Integer perPage, @Nullable MessageOrder order,
		@Nullable Integer limit, @Nullable String cursor) {

	private static final MessageListParams DEFAULTS = new MessageListParams(null, null, null, null, null);

	public MessageListParams {
		Assert.isTrue(page == null || page >= 1, "page must be 1 or more");
		Assert.isTrue(perPage == null || perPage >= 1, "perPage must be 1 or more");
		Assert.isTrue(limit == null || limit >= 1, "limit must be 1 or more");
	}

	/**
	 * The server's defaults.
	 * @return the default parameters
	 */
	public static MessageListParams defaults() {
		return DEFAULTS;
	}

	/**
	 * The server's defaults in a given order.
	 * @param order the order
	 * @return the parameters
	 */
	public static MessageListParams order(MessageOrder order) {
		return new MessageListParams(null, null, order, null, null);
	}

	/**
	 * A copy for another page number.
	 * @param page the page
	 * @return the parameters
	 */
	public MessageListParams withPage(int page) {
		return new MessageListParams(page, this.perPage, this.order, this.limit, null);
	}

	/**
	 * A copy with another page size.
	 * @param perPage the page size
	 * @return the parameters
	 */
	public MessageListParams withPerPage(int perPage) {
		return new MessageListParams(this.page, perPage, this.order, this.limit, this.cursor);
	}

	/**
	 * A copy for the page at a cursor.
	 * @param cursor the cursor
	 * @return the parameters
	 */
	public MessageListParams withCursor(String cursor) {
		return new MessageListParams(null, this.perPage, this.order, this.limit, cursor);
	}

}
