package io.interactor.spring.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Account Server's token endpoint: client credentials as a JSON body, a form body or HTTP Basic; answers in
 * the wrapped shape {@code {"data": {"access_token", "token_type", "expires_in"}}}.
 */
final class TokenEndpoint {

	private final JsonMapper json;

	private final String clientId;

	private final String clientSecret;

	private volatile long expiresInSeconds;

	private final AtomicInteger requests = new AtomicInteger();

	private final Set<String> issued = ConcurrentHashMap.newKeySet();

	TokenEndpoint(JsonMapper json, String clientId, String clientSecret, long expiresInSeconds) {
		this.json = json;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		this.expiresInSeconds = expiresInSeconds;
	}

	MockResponse token(MockExchange exchange) {
		this.requests.incrementAndGet();
		Map<String, String> params = params(exchange);
		String basic = exchange.header("Authorization");
		if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
			String decoded = new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			if (colon > 0) {
				params.put("client_id", URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8));
				params.put("client_secret", URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
			}
		}
		if (!"client_credentials".equals(params.get("grant_type"))) {
			throw new MockApiException(400, "unsupported_grant_type", "grant_type must be client_credentials");
		}
		if (!this.clientId.equals(params.get("client_id")) || !this.clientSecret.equals(params.get("client_secret"))) {
			throw new MockApiException(401, "invalid_client", "Client authentication failed");
		}
		String token = "mock_at_" + UUID.randomUUID().toString().replace("-", "");
		this.issued.add(token);
		ObjectNode root = this.json.createObjectNode();
		ObjectNode data = root.putObject("data");
		data.put("access_token", token);
		data.put("token_type", "Bearer");
		data.put("expires_in", this.expiresInSeconds);
		return MockResponse.json(200, this.json.writeValueAsString(root));
	}

	private Map<String, String> params(MockExchange exchange) {
		Map<String, String> params = new HashMap<>();
		String body = exchange.request().body();
		String contentType = exchange.header("Content-Type");
		if (contentType != null && contentType.startsWith("application/json")) {
			JsonNode node = this.json.readTree(body);
			node.properties().forEach((entry) -> params.put(entry.getKey(), entry.getValue().asString()));
		}
		else if (!body.isBlank()) {
			for (String pair : body.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return params;
	}

	boolean isValid(@Nullable String authorization) {
		return authorization != null && authorization.startsWith("Bearer ")
				&& this.issued.contains(authorization.substring(7).trim());
	}

	int requestCount() {
		return this.requests.get();
	}

	void expiresIn(long seconds) {
		this.expiresInSeconds = seconds;
	}

	/** Forget the request count; issued tokens stay valid so that running clients keep working. */
	void reset() {
		this.requests.set(0);
	}

}
