package io.interactor.sample;

import java.time.Duration;

import io.interactor.sample.WebhookDeliveryFeed.Delivery;
import reactor.core.publisher.Flux;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhook panel of the chat page: the deliveries the application answered, as server-sent events named
 * {@code delivery}, the recent ones first, then live.
 */
@RestController
class WebhookDeliveriesController {

	private static final Duration HEARTBEAT = Duration.ofSeconds(15);

	private final WebhookDeliveryFeed feed;

	WebhookDeliveriesController(WebhookDeliveryFeed feed) {
		this.feed = feed;
	}

	@GetMapping(path = "/api/webhook-deliveries", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Delivery>> deliveries() {
		Flux<ServerSentEvent<Delivery>> deliveries = this.feed.deliveries()
			.map((delivery) -> ServerSentEvent.builder(delivery).event("delivery").build());
		// A comment now and then keeps proxies from closing an idle stream and reveals a browser that went away.
		Flux<ServerSentEvent<Delivery>> heartbeats = Flux.interval(HEARTBEAT)
			.map((tick) -> ServerSentEvent.<Delivery>builder().comment("heartbeat").build());
		return Flux.merge(deliveries, heartbeats);
	}

}
