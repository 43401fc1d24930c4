package io.interactor.spring.test.autoconfigure;

import io.interactor.spring.autoconfigure.InteractorConnectionDetails;
import io.interactor.spring.test.MockInteractorServer;

/**
 * {@link InteractorConnectionDetails} of a {@link MockInteractorServer}: its URLs and client credentials.
 *
 * @since 0.1.0
 */
public final class MockInteractorConnectionDetails implements InteractorConnectionDetails {

	private final MockInteractorServer server;

	/**
	 * Create the connection details of a running mock.
	 * @param server the mock
	 */
	public MockInteractorConnectionDetails(MockInteractorServer server) {
		this.server = server;
	}

	@Override
	public String getAccountServerUrl() {
		return this.server.accountServerUrl();
	}

	@Override
	public String getCoreApiUrl() {
		return this.server.coreApiUrl();
	}

	@Override
	public String getClientId() {
		return this.server.clientId();
	}

	@Override
	public String getClientSecret() {
		return this.server.clientSecret();
	}

}
