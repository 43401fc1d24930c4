package io.interactor.spring.webhook;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.aot.hint.annotation.Reflective;

/**
 * Marks a bean method as a handler of Interactor webhook events.
 * <p>
 * Values are event types ({@code "room.message.created"}, see {@link InteractorEvents}), prefix wildcards
 * ({@code "workflow.instance.*"}) or {@code "*"} for every event; {@code ${...}} placeholders are resolved. Parameters
 * are resolved by type: {@link WebhookEvent WebhookEvent&lt;T&gt;}, a payload record (or {@code Map}) or
 * {@code JsonNode} for the event's {@code data}, {@code HttpHeaders}, and the raw body as {@code byte[]} or
 * {@code String}; {@code WebhookArgumentResolver} beans are consulted first. The method may return {@code void},
 * {@code Mono<Void>} or {@code CompletionStage<?>}. Several handlers of one event run in {@code @Order} order.
 * <p>
 * A handler runs at most once per delivery idempotency key; when it throws, the delivery is answered with 500 and a
 * redelivery is processed again.
 * <p>
 * The annotation is {@link Reflective @Reflective}: Spring's AOT engine registers annotated methods of beans for
 * reflective invocation, and their payload types for JSON binding, so handlers work in a native image.
 *
 * @since 0.1.0
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective(InteractorWebhookReflectiveProcessor.class)
public @interface InteractorWebhook {

	/**
	 * Event types (or wildcards) handled by the method.
	 * @return the event types
	 */
	String[] value();

}
