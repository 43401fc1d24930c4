package io.interactor.spring.client.http;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Reads what the platform says about the API itself on every response: {@code Deprecation} and {@code Sunset}
 * headers are logged at WARN once per endpoint (method and path template, never ids), and the
 * {@code X-RateLimit-Limit/Remaining/Reset} values are kept in a {@link RateLimitStatus}. It never changes a
 * request or a response.
 *
 * @since 0.1.0
 */
public final class PlatformSignalsFilter implements ExchangeFilterFunction {

	private static final Log logger = LogFactory.getLog(PlatformSignalsFilter.class);

	private static final long MAX_WARNED_ENDPOINTS = 1000;

	private final Set<String> warnedEndpoints = ConcurrentHashMap.newKeySet();

	private final RateLimitStatus rateLimitStatus = new RateLimitStatus();

	/** The header with the requests left in the current rate-limit window. */
	static final String REMAINING_HEADER = "X-RateLimit-Remaining";

	private final Clock clock;

	/**
	 * Create a filter.
	 * @param clock the clock stamping rate-limit updates
	 */
	public PlatformSignalsFilter(Clock clock) {
		this.clock = clock;
	}

	/**
	 * The last rate-limit values seen.
	 * @return the status, updated in place
	 */
	public RateLimitStatus rateLimitStatus() {
		return this.rateLimitStatus;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return next.exchange(request).doOnNext((response) -> observe(request, response.headers().asHttpHeaders()));
	}

	private void observe(ClientRequest request, HttpHeaders headers) {
		observeRateLimit(headers);
		String deprecation = headers.getFirst("Deprecation");
		String sunset = headers.getFirst("Sunset");
		if (deprecation == null && sunset == null) {
			return;
		}
		String endpoint = request.method() + " " + request.attribute(CoreApiClient.URI_TEMPLATE_ATTRIBUTE)
			.map(Object::toString)
			.orElseGet(() -> request.url().getPath());
		// Bounded, so that a server flagging ever new paths cannot grow this set without limit.
		if (this.warnedEndpoints.size() < MAX_WARNED_ENDPOINTS && this.warnedEndpoints.add(endpoint)
				&& logger.isWarnEnabled()) {
			StringBuilder message = new StringBuilder("The Interactor API flags ").append(endpoint);
			if (deprecation != null) {
				message.append(" as deprecated (Deprecation: ").append(sanitize(deprecation)).append(')');
			}
			if (sunset != null) {
				message.append((deprecation != null) ? "; " : " ")
					.append("it will be removed at ")
					.append(sanitize(sunset));
			}
			String link = headers.getFirst(HttpHeaders.LINK);
			if (link != null) {
				message.append("; see ").append(sanitize(link));
			}
			logger.warn(message.append(". Upgrade before the sunset date: afterwards calls fail with 410 Gone."));
		}
	}

	private void observeRateLimit(HttpHeaders headers) {
		Long limit = parseLong(headers.getFirst("X-RateLimit-Limit"));
		Long remaining = parseLong(headers.getFirst(REMAINING_HEADER));
		Long reset = parseLong(headers.getFirst("X-RateLimit-Reset"));
		if (limit == null && remaining == null && reset == null) {
			return;
		}
		Instant now = this.clock.instant();
		this.rateLimitStatus.update(limit, remaining, (reset != null) ? resetInstant(reset, now) : null, now);
	}

	private static Instant resetInstant(long reset, Instant now) {
		// Documented as Unix seconds; small values are read as seconds from now, as some gateways send.
		return (reset < 1_000_000_000L) ? now.plusSeconds(reset) : Instant.ofEpochSecond(reset);
	}

	static @Nullable Long parseLong(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String sanitize(String value) {
		// Header values end up in logs: no line breaks, bounded length.
		String clean = value.replaceAll("\\p{Cntrl}", " ");
		return (clean.length() > 200) ? clean.substring(0, 200) + "..." : clean;
	}

}
