package io.interactor.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * {@link InteractorConnectionDetails} backed by {@link InteractorProperties}: the explicit base URLs, else those
 * of {@code interactor.environment}, and {@code interactor.client-id} / {@code interactor.client-secret}.
 */
class PropertiesInteractorConnectionDetails implements InteractorConnectionDetails {

	private final InteractorProperties properties;

	PropertiesInteractorConnectionDetails(InteractorProperties properties) {
		this.properties = properties;
	}

	@Override
	public String getAccountServerUrl() {
		return this.properties.determineAccountServerUrl();
	}

	@Override
	public String getCoreApiUrl() {
		return this.properties.determineCoreApiUrl();
	}

	@Override
	public @Nullable String getClientId() {
		return this.properties.getClientId();
	}

	@Override
	public @Nullable String getClientSecret() {
		return this.properties.getClientSecret();
	}

	@Override
	public String toString() {
		return "PropertiesInteractorConnectionDetails{accountServerUrl=" + getAccountServerUrl() + ", coreApiUrl="
				+ getCoreApiUrl() + ", clientId=" + getClientId() + ", clientSecret="
				+ InteractorProperties.redact(getClientSecret()) + "}";
	}

}
