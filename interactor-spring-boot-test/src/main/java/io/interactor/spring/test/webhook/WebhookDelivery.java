package io.interactor.spring.test.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import io.interactor.spring.webhook.WebhookSigner;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.client.RestClient;

/**
 * One signed webhook delivery: the body and headers the platform would send, and where. Created by
 * {@link WebhookTestRequests}; immutable. The variants ({@link #withWrongSecret()}, {@link #stale()},
 * {@link #tampered()}) are deliveries a correct verifier rejects.
 *
 * @since 0.1.0
 */
public final class WebhookDelivery {

	/** How far in the past a {@link #stale()} delivery is signed: beyond any sensible tolerance. */
	private static final Duration STALE_AGE = Duration.ofHours(1);

	private final String path;

	private final String eventType;

	private final String eventId;

	private final byte[] body;

	private final HttpHeaders headers;

	private final WebhookSigner signer;

	private final Clock clock;

	private WebhookDelivery(String path, String eventType, String eventId, byte[] body, HttpHeaders headers,
			WebhookSigner signer, Clock clock) {
		this.path = path;
		this.eventType = eventType;
		this.eventId = eventId;
		this.body = body;
		this.headers = headers;
		this.signer = signer;
		this.clock = clock;
	}

	static WebhookDelivery signed(String path, String eventType, String eventId, byte[] body, WebhookSigner signer,
			Clock clock) {
		return new WebhookDelivery(path, eventType, eventId, body, signer.headers(eventType, body), signer, clock);
	}

	/**
	 * The endpoint path the delivery is addressed to.
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	/**
	 * The event type.
	 * @return the event type, as in {@code X-Interactor-Event}
	 */
	public String eventType() {
		return this.eventType;
	}

	/**
	 * The event id in the envelope.
	 * @return the id ({@code evt_...})
	 */
	public String eventId() {
		return this.eventId;
	}

	/**
	 * The exact body.
	 * @return the body, UTF-8 text
	 */
	public String body() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/**
	 * The signed headers: {@code Content-Type}, {@code X-Interactor-Signature}, {@code X-Interactor-Timestamp},
	 * {@code X-Interactor-Event} and {@code X-Interactor-Delivery}.
	 * @return a copy of the headers
	 */
	public HttpHeaders headers() {
		HttpHeaders copy = new HttpHeaders();
		copy.putAll(this.headers);
		return copy;
	}

	/**
	 * The same delivery signed with another secret.
	 * @return a delivery whose signature does not verify
	 */
	public WebhookDelivery withWrongSecret() {
		WebhookSigner wrong = new WebhookSigner("whsec_wrong_" + this.eventId, this.clock);
		return new WebhookDelivery(this.path, this.eventType, this.eventId, this.body,
				wrong.headers(this.eventType, this.body), this.signer, this.clock);
	}

	/**
	 * The same delivery, correctly signed but with a timestamp an hour old.
	 * @return a delivery whose timestamp is outside the verifier's tolerance
	 */
	public WebhookDelivery stale() {
		String timestamp = Long.toString(this.clock.instant().minus(STALE_AGE).getEpochSecond());
		return new WebhookDelivery(this.path, this.eventType, this.eventId, this.body,
				this.signer.headers(this.eventType, this.body, timestamp), this.signer, this.clock);
	}

	/**
	 * The same signature over a body changed after signing (one byte more).
	 * @return a delivery whose body does not match its signature
	 */
	public WebhookDelivery tampered() {
		String text = body();
		byte[] changed = (text.substring(0, text.length() - 1) + " }").getBytes(StandardCharsets.UTF_8);
		return new WebhookDelivery(this.path, this.eventType, this.eventId, changed, this.headers, this.signer,
				this.clock);
	}

	/**
	 * A MockMvc request that posts this delivery.
	 * @return the request builder, to pass to {@code MockMvc.perform}
	 */
	public MockHttpServletRequestBuilder toMockMvc() {
		return MockMvcRequestBuilders.post(this.path).headers(headers()).content(this.body);
	}

	/**
	 * A WebTestClient request that posts this delivery.
	 * @param client the client bound to the application
	 * @return the request, ready for {@code exchange()}
	 */
	public WebTestClient.RequestHeadersSpec<?> toWebTestClient(WebTestClient client) {
		return client.post().uri(this.path).headers((target) -> target.putAll(this.headers)).bodyValue(this.body);
	}

	/**
	 * A {@link RestClient} request that posts this delivery, for an application on a real port.
	 * @param client a client whose base URL is the application's root, such as {@code http://localhost:8080}
	 * @return the request, ready for {@code retrieve()} or {@code exchange(...)}
	 */
	public RestClient.RequestHeadersSpec<?> toRestClient(RestClient client) {
		return client.post().uri(this.path).headers((target) -> target.putAll(this.headers)).body(this.body);
	}

}
