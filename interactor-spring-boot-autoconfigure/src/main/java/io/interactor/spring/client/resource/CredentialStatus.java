package io.interactor.spring.client.resource;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * Status of a stored credential. A value the platform adds later reads as {@link #UNKNOWN} instead of failing the
 * whole response: the factory below is used whatever the application's mapper settings are.
 *
 * @since 0.1.0
 */
public enum CredentialStatus {

	/** Usable. */
	ACTIVE("active"),

	/** The provider token expired and could not be refreshed. */
	EXPIRED("expired"),

	/** Revoked by the user or the provider. */
	REVOKED("revoked"),

	/** A connect flow has not finished yet. */
	PENDING("pending"),

	/** The connect flow or a refresh failed. */
	FAILED("failed"),

	/** A status this client does not know. */
	UNKNOWN("unknown");

	private final String value;

	CredentialStatus(String value) {
		this.value = value;
	}

	/**
	 * The wire value.
	 * @return the value, e.g. {@code active}
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

	/**
	 * The status for a wire value, case-insensitive.
	 * @param value the wire value
	 * @return the status, {@link #UNKNOWN} for a value this client does not know
	 */
	@JsonCreator
	public static CredentialStatus from(@Nullable String value) {
		return WireEnums.from(values(), CredentialStatus::value, value, UNKNOWN);
	}

}
