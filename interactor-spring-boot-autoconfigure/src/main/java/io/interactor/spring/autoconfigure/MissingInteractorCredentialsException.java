package io.interactor.spring.autoconfigure;

import java.util.List;

/**
 * The Interactor client was needed but no client credentials are configured.
 *
 * @since 0.1.0
 */
public class MissingInteractorCredentialsException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final List<String> missingProperties;

	/**
	 * Create the exception.
	 * @param missingProperties the properties that are not set, e.g. {@code interactor.client-id}
	 */
	public MissingInteractorCredentialsException(List<String> missingProperties) {
		super("Interactor client credentials are not configured (missing " + String.join(" and ", missingProperties)
				+ "). Set interactor.client-id and interactor.client-secret, or the environment variables "
				+ "INTERACTOR_CLIENT_ID and INTERACTOR_CLIENT_SECRET, or define an InteractorConnectionDetails bean that supplies them, or an AccessTokenProvider bean.");
		this.missingProperties = List.copyOf(missingProperties);
	}

	/**
	 * The properties that are not set.
	 * @return {@code interactor.client-id} and/or {@code interactor.client-secret}
	 */
	public List<String> getMissingProperties() {
		return this.missingProperties;
	}

}
