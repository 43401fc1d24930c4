package io.interactor.spring.client.resource;

import org.jspecify.annotations.Nullable;

/**
 * Filters of {@code GET /credentials}; {@code null} fields are not sent.
 *
 * @param provider only credentials of this provider, e.g. {@code google}
 * @param status only credentials with this status
 * @since 0.1.0
 */
public record CredentialFilter(@Nullable String provider, @Nullable CredentialStatus status) {

	private static final CredentialFilter NONE = new CredentialFilter(null, null);

	/**
	 * No filter.
	 * @return the empty filter
	 */
	public static CredentialFilter none() {
		return NONE;
	}

	/**
	 * Credentials of one provider.
	 * @param provider the provider
	 * @return the filter
	 */
	public static CredentialFilter provider(String provider) {
		return new CredentialFilter(provider, null);
	}

	/**
	 * Credentials with one status.
	 * @param status the status
	 * @return the filter
	 */
	public static CredentialFilter status(CredentialStatus status) {
		return new CredentialFilter(null, status);
	}

}
