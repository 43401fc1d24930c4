package io.interactor.spring.webhook.dispatch;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.interactor.spring.webhook.WebhookEvent;
import io.interactor.spring.webhook.dispatch.WebhookEnvelopeParser.InvalidEnvelopeException;
import io.interactor.spring.webhook.signature.WebhookTimestamps;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of {@link WebhookEnvelopeParser}: whatever bytes arrive, it either returns an event or rejects the body
 * with an {@link InvalidEnvelopeException} (answered 400); no other exception escapes, and a rejection never quotes
 * the body.
 */
class WebhookEnvelopeParserPropertyTests {

	private static final List<String> FIELDS = List.of("type", "event", "event_type", "id", "delivery_id",
			"idempotency_key", "namespace", "timestamp", "created_at", "data");

	private final WebhookEnvelopeParser parser = new WebhookEnvelopeParser(JsonMapper.builder().build());

	@Property(tries = 500)
	void arbitraryBytesNeverEscapeAsAnotherException(@ForAll @Size(max = 512) byte[] body) {
		assertParsesOrRejects(new HttpHeaders(), body);
	}

	@Property(tries = 500)
	void arbitraryEnvelopesNeverEscapeAsAnotherException(@ForAll("envelopes") String body,
			@ForAll("headers") HttpHeaders headers) {
		WebhookEvent<JsonNode> event = assertParsesOrRejects(headers, body.getBytes(StandardCharsets.UTF_8));
		if (event != null) {
			assertThat(event.type()).isNotBlank();
			assertThat(event.idempotencyKey()).isNotBlank();
		}
	}

	@Property(tries = 500)
	void arbitraryTimestampsNeverThrow(@ForAll("timestamps") String timestamp) {
		// Unreadable is null, never an exception: the header and the envelope both go through this.
		WebhookTimestamps.parse(timestamp);
	}

	private WebhookEvent<JsonNode> assertParsesOrRejects(HttpHeaders headers, byte[] body) {
		try {
			return this.parser.parse(headers, body);
		}
		catch (InvalidEnvelopeException ex) {
			assertThat(ex.getMessage()).isIn("Webhook body is not a JSON object", "Webhook envelope has no type or no id");
			return null;
		}
	}

	@Provide
	Arbitrary<String> envelopes() {
		Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.strings().ofMaxLength(8));
		Arbitrary<String> members = Combinators.combine(names, values()).as((name, value) -> quote(name) + ":" + value);
		Arbitrary<String> objects = members.list().ofMaxSize(8).map((list) -> "{" + String.join(",", list) + "}");
		// Mostly objects; sometimes cut short, nested deeply or another JSON value at the top.
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, objects),
				net.jqwik.api.Tuple.of(1, objects.map((json) -> json.substring(0, json.length() / 2))),
				net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 3000)
					.map((depth) -> "{\"type\":\"a\",\"id\":\"b\",\"data\":" + "[".repeat(depth) + "]".repeat(depth) + "}")),
				net.jqwik.api.Tuple.of(1, values()));
	}

	private Arbitrary<String> values() {
		return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(30).map(WebhookEnvelopeParserPropertyTests::quote),
				timestamps().map(WebhookEnvelopeParserPropertyTests::quote), Arbitraries.longs().map(String::valueOf),
				Arbitraries.of("null", "true", "false", "[]", "{}", "1e400", "-1e400", "1.5", "-0", "1E+2",
						"123456789012345678901234567890", "\"\"", "\" \"", "{\"namespace\":\"ns\"}",
						"{\"external_user_id\":7}", "\"\\u0000\"", "\"\\ud800\""));
	}

	@Provide
	Arbitrary<String> timestamps() {
		return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40), Arbitraries.strings().numeric().ofMaxLength(25),
				Arbitraries.longs().map(String::valueOf),
				Arbitraries.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00+18:00",
						"2026-11-30T10:00:00Z", "2026-02-30T10:00:00Z", "2026-11-30T24:00:00Z", "1700000000",
						"1700000000000", "999999999999999999", "0", " 1700000000 ", "１７００００００００"));
	}

	@Provide
	Arbitrary<HttpHeaders> headers() {
		Arbitrary<String> names = Arbitraries.of("X-Interactor-Event", "X-Interactor-Delivery", "X-Interactor-Webhook-Id",
				"Content-Type");
		return Combinators.combine(names, Arbitraries.strings().ofMaxLength(20)).as((name, value) -> {
			HttpHeaders headers = new HttpHeaders();
			headers.add(name, value);
			return headers;
		});
	}

	private static String quote(String text) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		return json.append('"').toString();
	}

}
