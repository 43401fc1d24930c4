package io.interactor.spring.client.core;

import java.net.URI;

/**
 * Validates and normalises base URLs.
 *
 * @since 0.1.0
 */
public final class BaseUrls {

	private BaseUrls() {
	}

	/**
	 * Check that {@code url} is an absolute http(s) URL and strip trailing slashes.
	 * @param name the setting's name, for the error message
	 * @param url the URL
	 * @return the URL without trailing slashes
	 * @throws IllegalArgumentException if it is not an absolute http(s) URL
	 */
	public static String normalize(String name, String url) {
		String trimmed = url.trim();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		URI uri;
		try {
			uri = URI.create(trimmed);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(name + " is not a valid URL: " + url, ex);
		}
		String scheme = uri.getScheme();
		if (!("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) || uri.getHost() == null
				|| uri.getQuery() != null || uri.getFragment() != null) {
			throw new IllegalArgumentException(
					name + " must be an absolute http(s) URL without query or fragment, but was: " + url);
		}
		return trimmed;
	}

}
