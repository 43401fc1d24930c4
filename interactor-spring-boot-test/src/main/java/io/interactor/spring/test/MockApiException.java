package io.interactor.spring.test;

/**
 * Ends a route with the platform's error body: {@code {"error":{"code","message","details","request_id"}}}.
 */
final class MockApiException extends RuntimeException {

	private final int status;

	private final String code;

	MockApiException(int status, String code, String message) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
	}

	static MockApiException notFound(String code, String message) {
		return new MockApiException(404, code, message);
	}

	static MockApiException validation(String message) {
		return new MockApiException(422, "validation_error", message);
	}

	int status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

}
