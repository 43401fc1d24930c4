package io.interactor.spring.client.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The inputs {@link RequestTargetPropertyTests} found that reached the server as another value: a namespace outside
 * printable ASCII went out as {@code ?} (so {@code "\u010a"}, {@code "\u7528"} and {@code "?"} were one namespace),
 * and an id or query value with an unpaired surrogate went out as {@code %3F}. They are now rejected before any I/O,
 * without quoting the value.
 */
class RequestArgumentRejectionTests {

	@ParameterizedTest
	@ValueSource(strings = { "\u010a", "user_\u7528", "\u00e9", "caf\u00e9", " user_1", "user_1 ", "user\u2028" })
	void namespaceThatAHeaderCannotCarryUnchangedIsRejected(String namespace) {
		assertThatIllegalArgumentException().isThrownBy(() -> ApiRequest.get(namespace, "/assistants"))
			.withMessageContaining("X-Namespace")
			.withMessageNotContaining(namespace.strip());
	}

	@ParameterizedTest
	@ValueSource(strings = { "user_1", "org_acme corp", "a-b.c~d!$&'()*+,;=:@" })
	void printableAsciiNamespaceIsAccepted(String namespace) {
		assertThat(ApiRequest.get(namespace, "/assistants").namespace()).isEqualTo(namespace);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\ud800", "a\udc00", "asst_\ud83d" })
	void idWithAnUnpairedSurrogateIsRejected(String id) {
		assertThatIllegalArgumentException().isThrownBy(() -> ApiRequest.get("user_1", "/assistants/{id}", id))
			.withMessageContaining("unpaired surrogate");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\ud800", "google\udfff" })
	void queryValueWithAnUnpairedSurrogateIsRejected(String value) {
		ApiRequest request = ApiRequest.get("user_1", "/credentials");
		assertThatIllegalArgumentException().isThrownBy(() -> request.query("provider", value))
			.withMessageContaining("unpaired surrogate");
	}

	@ParameterizedTest
	@ValueSource(strings = { "asst_\ud83d\ude00", "caf\u00e9", "\u7528\u6237", "a/../b%2F?#" })
	void wellFormedUnicodeIdIsAccepted(String id) {
		assertThat(ApiRequest.get("user_1", "/assistants/{id}", id).pathVariables()).containsEntry("id", id);
	}

}
