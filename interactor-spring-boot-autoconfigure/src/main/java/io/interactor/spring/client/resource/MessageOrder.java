package io.interactor.spring.client.resource;

/**
 * Order of a message list.
 *
 * @since 0.1.0
 */
public enum MessageOrder {

	/** Oldest first. */
	ASC,

	/** Newest first. */
	DESC;

	/**
	 * The query value.
	 * @return {@code asc} or {@code desc}
	 */
	public String value() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
