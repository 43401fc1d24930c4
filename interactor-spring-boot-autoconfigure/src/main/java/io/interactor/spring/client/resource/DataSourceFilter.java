package io.interactor.spring.client.resource;

import org.jspecify.annotations.Nullable;

/**
 * Filters of {@code GET /data-sources}; {@code null} fields are not sent.
 *
 * @param type only data sources of this type
 * @since 0.1.0
 */
public record DataSourceFilter(@Nullable String type) {

	private static final DataSourceFilter NONE = new DataSourceFilter(null);

	/**
	 * No filter.
	 * @return the empty filter
	 */
	public static DataSourceFilter none() {
		return NONE;
	}

	/**
	 * Data sources of one type.
	 * @param type the type, e.g. {@code database}
	 * @return the filter
	 */
	public static DataSourceFilter type(String type) {
		return new DataSourceFilter(type);
	}

}
