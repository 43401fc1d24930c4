package io.interactor.spring.client.resource;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Reads enum wire values tolerantly: the platform may add values at any time, and an unknown status must never
 * make a whole response unreadable.
 */
final class WireEnums {

	private WireEnums() {
	}

	static <E extends Enum<E>> E from(E[] values, Function<E, String> wireValue, @Nullable String value, E fallback) {
		if (value != null) {
			String trimmed = value.trim();
			for (E candidate : values) {
				if (wireValue.apply(candidate).equalsIgnoreCase(trimmed)) {
					return candidate;
				}
			}
		}
		return fallback;
	}

}
