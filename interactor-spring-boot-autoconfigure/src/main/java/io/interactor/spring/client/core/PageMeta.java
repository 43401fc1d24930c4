package io.interactor.spring.client.core;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Paging information of a list response, read from any shape the platform documents: {@code current_page} or
 * {@code page}, {@code total_count} or {@code total}, {@code has_more}, cursors and offsets. Every field may be
 * absent.
 *
 * @param page the 1-based page number
 * @param perPage the page size
 * @param total the total number of items
 * @param totalPages the number of pages
 * @param hasMore whether the server says more items follow
 * @param nextCursor the cursor of the next page, for cursor-paged lists
 * @param limit the limit, for offset-paged lists
 * @param offset the offset, for offset-paged lists
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PageMeta(@JsonProperty("page") @JsonAlias("current_page") @Nullable Integer page,
		@JsonProperty("per_page") @Nullable Integer perPage,
		@JsonProperty("total") @JsonAlias("total_count") @Nullable Long total,
		@JsonProperty("total_pages") @Nullable Integer totalPages, @JsonProperty("has_more") @Nullable Boolean hasMore,
		@JsonProperty("next_cursor") @Nullable String nextCursor, @JsonProperty("limit") @Nullable Integer limit,
		@JsonProperty("offset") @Nullable Integer offset) {

	/** Meta of a list the server returned without paging information. */
	public static final PageMeta NONE = new PageMeta(null, null, null, null, null, null, null, null);

	/**
	 * Whether another page follows: {@code has_more} when present, else {@code page < total_pages}, else whether a
	 * next cursor was given, else (offset paging) whether {@code offset + limit < total}.
	 * @return whether to fetch another page
	 */
	public boolean hasNext() {
		if (this.hasMore != null) {
			return this.hasMore;
		}
		if (this.page != null && this.totalPages != null) {
			return this.page < this.totalPages;
		}
		if (this.nextCursor != null) {
			return !this.nextCursor.isEmpty();
		}
		if (this.offset != null && this.limit != null && this.total != null) {
			return this.offset + this.limit < this.total;
		}
		return false;
	}

}
