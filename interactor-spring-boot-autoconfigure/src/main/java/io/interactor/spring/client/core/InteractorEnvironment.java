package io.interactor.spring.client.core;

/**
 * Interactor deployments with known base URLs. A preset only supplies defaults: explicit base URLs always win,
 * and one URL is never derived from the other.
 *
 * @since 0.1.0
 */
public enum InteractorEnvironment {

	/** The production platform. */
	PRODUCTION("https://auth.interactor.com/api/v1", "https://core.interactor.com/api/v1"),

	/** The sandbox platform, for integration testing. */
	SANDBOX("https://sandbox-auth.interactor.com/api/v1", "https://sandbox-core.interactor.com/api/v1");

	private final String accountServerUrl;

	private final String coreApiUrl;

	InteractorEnvironment(String accountServerUrl, String coreApiUrl) {
		this.accountServerUrl = accountServerUrl;
		this.coreApiUrl = coreApiUrl;
	}

	/**
	 * Base URL of the Account Server (OAuth token endpoint) in this environment.
	 * @return the base URL, including the {@code /api/v1} version path
	 */
	public String accountServerUrl() {
		return this.accountServerUrl;
	}

	/**
	 * Base URL of the Core API in this environment.
	 * @return the base URL, including the {@code /api/v1} version path
	 */
	public String coreApiUrl() {
		return this.coreApiUrl;
	}

}
