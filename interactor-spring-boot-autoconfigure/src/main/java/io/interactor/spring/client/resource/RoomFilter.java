package io.interactor.spring.client.resource;

import org.jspecify.annotations.Nullable;

/**
 * Filters of {@code GET /rooms}; {@code null} fields are not sent.
 *
 * @param assistantId only rooms of this assistant
 * @since 0.1.0
 */
public record RoomFilter(@Nullable String assistantId) {

	private static final RoomFilter NONE = new RoomFilter(null);

	/**
	 * No filter.
	 * @return the empty filter
	 */
	public static RoomFilter none() {
		return NONE;
	}

	/**
	 * Rooms of one assistant.
	 * @param assistantId the assistant id
	 * @return the filter
	 */
	public static RoomFilter assistant(String assistantId) {
		return new RoomFilter(assistantId);
	}

}
