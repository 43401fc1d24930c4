package io.interactor.spring.webhook.dispatch;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

import io.interactor.spring.webhook.WebhookEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;

/**
 * The resolvers for the parameter types documented on {@link io.interactor.spring.webhook.InteractorWebhook}.
 *
 * @since 0.1.0
 */
public final class BuiltInWebhookArgumentResolvers {

	private BuiltInWebhookArgumentResolvers() {
	}

	/**
	 * The built-in resolvers, in the order they are consulted.
	 * @param jsonMapper the mapper converting {@code data} to payload types
	 * @return the resolvers
	 */
	public static List<WebhookArgumentResolver> create(JsonMapper jsonMapper) {
		return List.of(new EventResolver(jsonMapper), new HeadersResolver(), new RawBodyResolver(),
				new JsonNodeResolver(), new PayloadResolver(jsonMapper));
	}

	static @Nullable Object convert(JsonMapper jsonMapper, JsonNode data, Type type) {
		if (data.isMissingNode() || data.isNull()) {
			return null;
		}
		JavaType javaType = jsonMapper.getTypeFactory().constructType(type);
		return jsonMapper.convertValue(data, javaType);
	}

	static boolean isPayloadType(Class<?> type) {
		return type.isRecord() || Map.class.isAssignableFrom(type);
	}

	/** {@code WebhookEvent<T>}: the envelope with {@code data} converted to {@code T}. */
	static final class EventResolver implements WebhookArgumentResolver {

		private final JsonMapper jsonMapper;

		EventResolver(JsonMapper jsonMapper) {
			this.jsonMapper = jsonMapper;
		}

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			if (parameter.getParameterType() != WebhookEvent.class) {
				return false;
			}
			Class<?> dataType = dataType(parameter).resolve(Object.class);
			return dataType == Object.class || JsonNode.class.isAssignableFrom(dataType) || isPayloadType(dataType);
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, WebhookEvent<JsonNode> event) {
			// WebhookEvent<JsonNode> and WebhookEvent<Object>, the common case, without a ResolvableType per delivery
			if (parameter.getGenericParameterType() instanceof ParameterizedType declared
					&& declared.getActualTypeArguments()[0] instanceof Class<?> data
					&& (data == Object.class || JsonNode.class.isAssignableFrom(data))) {
				return event;
			}
			ResolvableType dataType = dataType(parameter);
			Class<?> resolved = dataType.resolve(Object.class);
			if (resolved == Object.class || JsonNode.class.isAssignableFrom(resolved)) {
				return event;
			}
			return event.withData(convert(this.jsonMapper, event.dataNode(), dataType.getType()));
		}

		private static ResolvableType dataType(MethodParameter parameter) {
			return ResolvableType.forMethodParameter(parameter).getGeneric(0);
		}

	}

	/** {@code HttpHeaders}: the request headers. */
	static final class HeadersResolver implements WebhookArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == HttpHeaders.class;
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, WebhookEvent<JsonNode> event) {
			return event.headers();
		}

	}

	/** {@code byte[]} or {@code String}: the raw body. */
	static final class RawBodyResolver implements WebhookArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			Class<?> type = parameter.getParameterType();
			return type == byte[].class || type == String.class;
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, WebhookEvent<JsonNode> event) {
			return (parameter.getParameterType() == byte[].class) ? event.rawBody() : event.rawBodyAsString();
		}

	}

	/** {@code JsonNode}: the event's {@code data}. */
	static final class JsonNodeResolver implements WebhookArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == JsonNode.class;
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, WebhookEvent<JsonNode> event) {
			return event.dataNode();
		}

	}

	/** A record or {@code Map}: the event's {@code data} converted by the JSON mapper. */
	static final class PayloadResolver implements WebhookArgumentResolver {

		private final JsonMapper jsonMapper;

		PayloadResolver(JsonMapper jsonMapper) {
			this.jsonMapper = jsonMapper;
		}

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return isPayloadType(parameter.getParameterType());
		}

		@Override
		public @Nullable Object resolveArgument(MethodParameter parameter, WebhookEvent<JsonNode> event) {
			return convert(this.jsonMapper, event.dataNode(), parameter.getGenericParameterType());
		}

	}

}
