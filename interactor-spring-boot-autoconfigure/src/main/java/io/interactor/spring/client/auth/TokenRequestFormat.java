package io.interactor.spring.client.auth;

/**
 * How client credentials are sent to the Account Server's token endpoint.
 *
 * @since 0.1.0
 */
public enum TokenRequestFormat {

	/** JSON body with {@code grant_type}, {@code client_id}, {@code client_secret}: what every vendor SDK sends. */
	JSON,

	/** {@code application/x-www-form-urlencoded} body with the same fields (RFC 6749 section 4.4). */
	FORM,

	/** HTTP Basic authentication with the client id and secret, and {@code grant_type} in a form body. */
	BASIC

}
