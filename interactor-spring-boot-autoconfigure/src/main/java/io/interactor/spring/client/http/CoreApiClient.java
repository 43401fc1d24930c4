package io.interactor.spring.client.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.interactor.spring.client.core.IdempotencyKeys;
import io.interactor.spring.client.core.Page;
import io.interactor.spring.client.core.PageMeta;
import io.interactor.spring.client.error.InteractorException;
import io.interactor.spring.client.observation.CoreApiCallObservationContext;
import io.interactor.spring.client.observation.CoreApiCallObservationConvention;
import io.interactor.spring.client.observation.DefaultCoreApiCallObservationConvention;
import io.interactor.spring.client.observation.InteractorClientObservationDocumentation;
import io.interactor.spring.client.observation.ReactorObservations;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Executes {@link ApiRequest}s against the Core API: the one place where Core calls are made. The
 * {@link WebClient} it is given carries the bearer-token filter and the base URL; this class adds
 * {@code X-Namespace}, the {@code Idempotency-Key}, the JSON body, and maps the response: {@code {"data": ...}} is
 * unwrapped, 204 and empty bodies complete empty, error statuses become
 * {@link io.interactor.spring.client.error.InteractorApiException}s, I/O failures
 * {@link io.interactor.spring.client.error.InteractorNetworkException}s and a 2xx body that cannot be read a plain
 * {@link InteractorException}: a call fails with nothing else.
 * <p>
 * Each call is retried as a whole by its {@link ExchangeRetry}, reading the response body included, so that a
 * connection lost in the middle of the body is retried like one lost before the response; every attempt sends the
 * same {@code Idempotency-Key}.
 * <p>
 * Each call made with {@link #exchange} and the methods built on it is observed as {@code interactor.client.call}
 * ({@link CoreApiCallObservationContext}), the parent of the {@code WebClient}'s own observation and of every
 * attempt below it.
 *
 * @since 0.1.0
 */
public final class CoreApiClient {

	/** Request attribute holding the URI template, for logs and low-cardinality metrics tags. */
	public static final String URI_TEMPLATE_ATTRIBUTE = CoreApiClient.class.getName() + ".uriTemplate";

	/**
	 * The request attribute from which Spring's {@code http.client.requests} observation takes its {@code uri} tag.
	 * WebClient fills it with the template given to {@code uri(...)}, which here includes the query variables
	 * ({@code ?page={_q0}}); it is replaced by the path template so that the tag is the same as our
	 * {@code endpoint} tag.
	 */
	private static final String WEB_CLIENT_URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	/** Header carrying the tenant namespace. */
	public static final String NAMESPACE_HEADER = "X-Namespace";

	/** Header that makes a POST or PATCH safe to retry: the server recognises a repeat by it. */
	public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

	/** Header resuming a server-sent event stream after the last event id seen. */
	public static final String LAST_EVENT_ID_HEADER = "Last-Event-ID";

	private static final byte[] EMPTY = new byte[0];

	private static final boolean REACTOR_NETTY_PRESENT = ClassUtils
		.isPresent("reactor.netty.http.client.HttpClientRequest", CoreApiClient.class.getClassLoader());

	/** Built by the first request, once. */
	private final SingletonSupplier<WebClient> webClient;

	private final JsonMapper jsonMapper;

	private final ErrorResponseMapper errorMapper;

	private static final CoreApiCallObservationConvention DEFAULT_CONVENTION = //
			new DefaultCoreApiCallObservationConvention();

	private final ObservationRegistry observationRegistry;

	private final @Nullable CoreApiCallObservationConvention observationConvention;

	private final ExchangeRetry retry;

	/**
	 * Create a client that observes nothing.
	 * @param webClient the client with base URL, retry and bearer-token filters
	 * @param jsonMapper the mapper for bodies
	 * @param errorMapper maps error responses
	 */
	public CoreApiClient(WebClient webClient, JsonMapper jsonMapper, ErrorResponseMapper errorMapper) {
		this(webClient, jsonMapper, errorMapper, ObservationRegistry.NOOP, null);
	}

	/**
	 * Create a client.
	 * @param webClient the client with base URL, retry and bearer-token filters
	 * @param jsonMapper the mapper for bodies
	 * @param errorMapper maps error responses
	 * @param observationRegistry where calls are observed ({@link ObservationRegistry#NOOP} for none)
	 * @param observationConvention the convention of the {@code interactor.client.call} observation, or
	 * {@code null} for {@link DefaultCoreApiCallObservationConvention}
	 * @since 0.1.0
	 */
	public CoreApiClient(WebClient webClient, JsonMapper jsonMapper, ErrorResponseMapper errorMapper,
			ObservationRegistry observationRegistry,
			@Nullable CoreApiCallObservationConvention observationConvention) {
		this(webClient, jsonMapper, errorMapper, observationRegistry, observationConvention, ExchangeRetry.none());
	}

	/**
	 * Create a client that retries its calls.
	 * @param webClient the client with base URL and bearer-token filter
	 * @param jsonMapper the mapper for bodies
	 * @param errorMapper maps error responses
	 * @param observationRegistry where calls are observed ({@link ObservationRegistry#NOOP} for none)
	 * @param observationConvention the convention of the {@code interactor.client.call} observation, or
	 * {@code null} for {@link DefaultCoreApiCallObservationConvention}
	 * @param retry retries each call as a whole, response body included ({@link ExchangeRetry#none()} for no
	 * retries)
	 * @since 0.1.0
	 */
	public CoreApiClient(WebClient webClient, JsonMapper jsonMapper, ErrorResponseMapper errorMapper,
			ObservationRegistry observationRegistry, @Nullable CoreApiCallObservationConvention observationConvention,
			ExchangeRetry retry) {
		this(() -> webClient, jsonMapper, errorMapper, observationRegistry, observationConvention, retry);
	}

	/**
	 * Create a client that retries its calls and builds its {@link WebClient} when it sends its first request, so
	 * that an application pays for the connector and codecs behind it on its first call rather than at start-up.
	 * @param webClient supplies the client with base URL and bearer-token filter; called once, by the first request
	 * (the first of concurrent ones; the others wait for it); an exception it throws fails that request and the
	 * next request calls it again
	 * @param jsonMapper the mapper for bodies
	 * @param errorMapper maps error responses
	 * @param observationRegistry where calls are observed ({@link ObservationRegistry#NOOP} for none)
	 * @param observationConvention the convention of the {@code interactor.client.call} observation, or
	 * {@code null} for {@link DefaultCoreApiCallObservationConvention}
	 * @param retry retries each call as a whole, response body included ({@link ExchangeRetry#none()} for no
	 * retries)
	 * @since 0.1.0
	 */
	public CoreApiClient(Supplier<WebClient> webClient, JsonMapper jsonMapper, ErrorResponseMapper errorMapper,
			ObservationRegistry observationRegistry, @Nullable CoreApiCallObservationConvention observationConvention,
			ExchangeRetry retry) {
		this.webClient = SingletonSupplier.of(webClient);
		this.jsonMapper = jsonMapper;
		this.errorMapper = errorMapper;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
		this.retry = retry;
	}

	/**
	 * Where this client's calls are observed.
	 * @return the registry, {@link ObservationRegistry#NOOP} unless configured
	 */
	public ObservationRegistry observationRegistry() {
		return this.observationRegistry;
	}

	/**
	 * The mapper used for request and response bodies.
	 * @return the mapper
	 */
	public JsonMapper jsonMapper() {
		return this.jsonMapper;
	}

	/**
	 * Execute a request and read its body as a JSON tree.
	 * @param request the request
	 * @return the whole response body, empty for 204 or an empty body
	 */
	public Mono<JsonNode> exchange(ApiRequest request) {
		return ReactorObservations.observe(this.observationRegistry,
				() -> InteractorClientObservationDocumentation.CORE_API_CALL.observation(this.observationConvention,
						DEFAULT_CONVENTION, () -> new CoreApiCallObservationContext(request.method().name(),
								request.pathTemplate(), request.namespace()),
						this.observationRegistry),
				(observation) -> Mono.defer(() -> send(request)));
	}

	/**
	 * Execute a request and convert the {@code data} of the response.
	 * @param <T> the result type
	 * @param request the request
	 * @param type the result type
	 * @return the result, empty for 204 or an empty body
	 */
	public <T> Mono<T> retrieve(ApiRequest request, Class<T> type) {
		return retrieve(request, this.jsonMapper.constructType(type));
	}

	/**
	 * Execute a request and convert the {@code data} of the response.
	 * @param <T> the result type
	 * @param request the request
	 * @param type the result type
	 * @return the result, empty for 204 or an empty body
	 */
	public <T> Mono<T> retrieve(ApiRequest request, JavaType type) {
		return exchange(request).map((root) -> convert(unwrap(root), type));
	}

	/**
	 * Execute a request for its effect only.
	 * @param request the request
	 * @return completes when the call succeeded
	 */
	public Mono<Void> retrieveEmpty(ApiRequest request) {
		return exchange(request).then();
	}

	/**
	 * Execute a list request and read one page of it, whatever the paging shape.
	 * @param <T> the item type
	 * @param request the request
	 * @param itemType the item type
	 * @return the page; an empty page for 204 or an empty body
	 */
	public <T> Mono<Page<T>> retrievePage(ApiRequest request, Class<T> itemType) {
		JavaType type = this.jsonMapper.constructType(itemType);
		return exchange(request).map((root) -> this.<T>readPage(root, type))
			.defaultIfEmpty(new Page<>(List.of(), PageMeta.NONE));
	}

	/**
	 * Read a page from any documented list shape: {@code data} as an array (with {@code meta} or
	 * {@code pagination}), {@code data} as an object holding a named array (with {@code has_more} and
	 * {@code next_cursor} beside it), or a bare array.
	 * @param <T> the item type
	 * @param root the response body
	 * @param itemType the item type
	 * @return the page
	 */
	public <T> Page<T> readPage(JsonNode root, JavaType itemType) {
		JsonNode data = root.isObject() && root.has("data") ? root.get("data") : root;
		JsonNode items = data;
		JsonNode metaNode = root.isObject() ? firstObject(root.get("meta"), root.get("pagination")) : null;
		if (data.isObject()) {
			items = firstArray(data);
			if (metaNode == null) {
				metaNode = firstObject(data.get("meta"), data.get("pagination"), data);
			}
		}
		List<T> list = new ArrayList<>();
		if (items != null && items.isArray()) {
			for (JsonNode item : items) {
				list.add(convert(item, itemType));
			}
		}
		PageMeta meta = (metaNode != null) ? convert(metaNode, this.jsonMapper.constructType(PageMeta.class))
				: PageMeta.NONE;
		return new Page<>(list, meta);
	}

	/**
	 * Open a {@code text/event-stream} GET: one HTTP connection per subscription, closed when the subscription is
	 * cancelled. It goes through the same filters as every call, so each (re)connect asks the token provider for a
	 * valid token and sends it as a header, never in the URL. Parsing the events, reconnecting and observing the
	 * connection are the caller's job (the {@code EventStreamConnector} does all three).
	 * @param request the GET request of the stream
	 * @param lastEventId the id to resume after ({@code Last-Event-ID}), or {@code null}
	 * @param readTimeout the longest silence tolerated by the connection itself, or {@code null} for the client's
	 * response timeout (which is usually shorter than a heartbeat interval)
	 * @return the body as it arrives, to be released by the subscriber; an error status errors like any call
	 */
	public Flux<DataBuffer> openEventStream(ApiRequest request, @Nullable String lastEventId,
			@Nullable Duration readTimeout) {
		return openEventStream(request, lastEventId, readTimeout, () -> {
		});
	}

	/**
	 * Open a {@code text/event-stream} GET, like {@link #openEventStream(ApiRequest, String, Duration)}, and run
	 * {@code onOpen} once the server accepted it (a 2xx status), before the first event.
	 * @param request the GET request of the stream
	 * @param lastEventId the id to resume after ({@code Last-Event-ID}), or {@code null}
	 * @param readTimeout the longest silence tolerated by the connection itself, or {@code null} for the client's
	 * response timeout
	 * @param onOpen called when the connection is established, e.g. to count open connections
	 * @return the body as it arrives, to be released by the subscriber; an error status errors like any call, an
	 * I/O failure at any point (before the response, or later while the stream is read) with an
	 * {@link io.interactor.spring.client.error.InteractorNetworkException}. The connection is not retried here:
	 * reconnecting is the caller's decision
	 */
	public Flux<DataBuffer> openEventStream(ApiRequest request, @Nullable String lastEventId,
			@Nullable Duration readTimeout, Runnable onOpen) {
		return Flux.defer(() -> {
			WebClient.RequestHeadersSpec<?> spec = this.webClient.obtain().get()
				.uri(uriTemplate(request), uriVariables(request))
				.attribute(URI_TEMPLATE_ATTRIBUTE, request.pathTemplate())
				.attribute(WEB_CLIENT_URI_TEMPLATE_ATTRIBUTE, request.pathTemplate())
				.accept(MediaType.TEXT_EVENT_STREAM)
				.headers((headers) -> {
					headers.set(NAMESPACE_HEADER, request.namespace());
					if (lastEventId != null) {
						headers.set(LAST_EVENT_ID_HEADER, lastEventId);
					}
				});
			if (readTimeout != null && REACTOR_NETTY_PRESENT) {
				spec.httpRequest((httpRequest) -> ResponseTimeout.apply(httpRequest.getNativeRequest(), readTimeout));
			}
			return spec.exchangeToFlux((response) -> response.statusCode().is2xxSuccessful()
					? Flux.defer(() -> {
						onOpen.run();
						return response.bodyToFlux(DataBuffer.class);
					}) : response.bodyToMono(byte[].class)
						.defaultIfEmpty(EMPTY)
						.flatMapMany((body) -> Flux.error(this.errorMapper.coreApiError(response, body))));
		})
			.onErrorMap(TransportErrors::isTransportError, (ex) -> TransportErrors
				.toNetworkException("Interactor event stream " + request.pathTemplate() + " failed", ex));
	}

	private Mono<JsonNode> send(ApiRequest request) {
		String template = uriTemplate(request);
		Map<String, Object> variables = uriVariables(request);
		WebClient.RequestBodySpec spec = this.webClient.obtain().method(request.method())
			.uri(template, variables)
			.attribute(URI_TEMPLATE_ATTRIBUTE, request.pathTemplate())
			.attribute(WEB_CLIENT_URI_TEMPLATE_ATTRIBUTE, request.pathTemplate())
			.accept(MediaType.APPLICATION_JSON)
			.header(NAMESPACE_HEADER, request.namespace());
		String idempotencyKey = request.options().idempotencyKey();
		if (idempotencyKey == null && request.isGenerateIdempotencyKey()) {
			idempotencyKey = IdempotencyKeys.random();
		}
		if (idempotencyKey != null) {
			spec.header(IDEMPOTENCY_KEY_HEADER, idempotencyKey);
		}
		Duration timeout = request.options().timeout();
		if (timeout != null && REACTOR_NETTY_PRESENT) {
			spec.httpRequest((httpRequest) -> ResponseTimeout.apply(httpRequest.getNativeRequest(), timeout));
		}
		if (request.body() != null) {
			spec.contentType(MediaType.APPLICATION_JSON).bodyValue(this.jsonMapper.writeValueAsBytes(request.body()));
		}
		boolean repeatable = ExchangeRetry.isRepeatable(request.method(), idempotencyKey != null);
		return this.retry.exchange(spec, this::readBody, repeatable,
				"Interactor request " + request.method() + " " + request.pathTemplate());
	}

	private Mono<JsonNode> readBody(ClientResponse response) {
		return response.bodyToMono(byte[].class).defaultIfEmpty(EMPTY).flatMap((body) -> {
			int status = response.statusCode().value();
			if (!response.statusCode().is2xxSuccessful()) {
				return Mono.error(this.errorMapper.coreApiError(response, body));
			}
			if (status == 204 || body.length == 0) {
				return Mono.empty();
			}
			try {
				return Mono.just(this.jsonMapper.readTree(body));
			}
			catch (JacksonException ex) {
				return Mono.error(new InteractorException(
						"The Interactor API answered " + status + " with a body that is not JSON", ex));
			}
		});
	}

	/**
	 * How a request is named in log lines: its path template when it has one, else its path, never the query.
	 * @param request the request
	 * @return the template or path
	 */
	public static String describe(ClientRequest request) {
		@Nullable Object template = request.attribute(URI_TEMPLATE_ATTRIBUTE).orElse(null);
		return (template != null) ? template.toString() : request.url().getPath();
	}

	private static String uriTemplate(ApiRequest request) {
		StringBuilder template = new StringBuilder(request.pathTemplate());
		char separator = '?';
		int index = 0;
		for (Map.Entry<String, List<String>> parameter : request.query().entrySet()) {
			for (int i = 0; i < parameter.getValue().size(); i++) {
				template.append(separator).append(parameter.getKey()).append("={_q").append(index++).append('}');
				separator = '&';
			}
		}
		return template.toString();
	}

	private static Map<String, Object> uriVariables(ApiRequest request) {
		Map<String, Object> variables = new LinkedHashMap<>(request.pathVariables());
		int index = 0;
		for (List<String> values : request.query().values()) {
			for (String value : values) {
				variables.put("_q" + index++, value);
			}
		}
		return variables;
	}

	private static JsonNode unwrap(JsonNode root) {
		return (root.isObject() && root.has("data")) ? root.get("data") : root;
	}

	private <T> T convert(JsonNode node, JavaType type) {
		try {
			return this.jsonMapper.treeToValue(node, type);
		}
		catch (JacksonException ex) {
			// The cause may quote response content: keep it out of this message.
			throw new InteractorException(
					"Could not read the Interactor response as " + type.getRawClass().getSimpleName(), ex);
		}
	}

	private static @Nullable JsonNode firstArray(JsonNode object) {
		for (Iterator<JsonNode> values = object.values().iterator(); values.hasNext();) {
			JsonNode value = values.next();
			if (value.isArray()) {
				return value;
			}
		}
		return null;
	}

	private static @Nullable JsonNode firstObject(@Nullable JsonNode... candidates) {
		for (JsonNode candidate : candidates) {
			if (candidate != null && candidate.isObject()) {
				return candidate;
			}
		}
		return null;
	}

	/** Keeps the Reactor Netty reference in a class loaded only when Reactor Netty is present. */
	private static final class ResponseTimeout {

		static void apply(Object nativeRequest, Duration timeout) {
			if (nativeRequest instanceof HttpClientRequest httpClientRequest) {
				httpClientRequest.responseTimeout(timeout);
			}
		}

	}

}
