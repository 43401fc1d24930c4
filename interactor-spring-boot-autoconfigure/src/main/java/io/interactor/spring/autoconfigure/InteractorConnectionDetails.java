package io.interactor.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the Interactor client connects and with which client credentials. By default these come from the
 * {@code interactor.*} properties; define a bean of this type to supply them otherwise, for example from a test
 * server, a container or a secret store: the properties-based one then backs off.
 * <p>
 * A bean that supplies credentials also enables the auto-configured client-credentials
 * {@link io.interactor.spring.client.auth.AccessTokenProvider AccessTokenProvider}.
 *
 * @since 0.1.0
 */
public interface InteractorConnectionDetails extends ConnectionDetails {

	/**
	 * The Account Server base URL, including the version path.
	 * @return an absolute http(s) URL such as {@code https://auth.interactor.com/api/v1}
	 */
	String getAccountServerUrl();

	/**
	 * The Core API base URL, including the version path.
	 * @return an absolute http(s) URL such as {@code https://core.interactor.com/api/v1}
	 */
	String getCoreApiUrl();

	/**
	 * The OAuth client id of the application.
	 * @return the client id, or {@code null} when the application has none (it then needs its own
	 * {@code AccessTokenProvider} to call the API)
	 */
	@Nullable String getClientId();

	/**
	 * The OAuth client secret of the application.
	 * @return the client secret, or {@code null} when the application has none
	 */
	@Nullable String getClientSecret();

}
