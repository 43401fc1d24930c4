package io.interactor.spring.webhook.dispatch;

import java.util.List;

import io.interactor.spring.webhook.InteractorEvents;
import org.junit.jupiter.api.Test;

import org.springframework.core.Ordered;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Matching and ordering of {@link WebhookHandlerRegistry}, precomputed at registration.
 */
class WebhookHandlerRegistryTests {

	private final WebhookHandlerRegistry registry = new WebhookHandlerRegistry();

	@Test
	void exactAndWildcardHandlersAreMergedInOrder() {
		this.registry.register(List.of(handler("exact", 5, "room.message.created"),
				handler("all", 1, "*"), handler("room", 3, "room.*"), handler("late", Ordered.LOWEST_PRECEDENCE,
						"room.message.created"), handler("early", -10, "room.message.created")));
		assertThat(names("room.message.created")).containsExactly("early", "all", "room", "exact", "late");
		assertThat(names("room.tool_call.pending")).containsExactly("all", "room");
		assertThat(names("workflow.instance.started")).containsExactly("all");
	}

	@Test
	void equalOrdersKeepRegistrationOrderAcrossRegistrations() {
		this.registry.register(List.of(handler("first", 0, "*"), handler("second", 0, "room.message.created")));
		this.registry.register(List.of(handler("third", 0, "room.*"), handler("zeroth", -1, "room.message.created")));
		assertThat(names("room.message.created")).containsExactly("zeroth", "first", "second", "third");
		assertThat(this.registry.getHandlers()).extracting(WebhookHandlerMethod::getBeanName)
			.containsExactly("first", "second", "third", "zeroth");
	}

	@Test
	void prefixWildcardMatchesItsFamilyOnly() {
		this.registry.register(List.of(handler("instances", 0, InteractorEvents.ALL_WORKFLOW_INSTANCE),
				handler("halted", 1, InteractorEvents.WORKFLOW_INSTANCE_HALTED)));
		assertThat(names("workflow.instance.halted")).containsExactly("instances", "halted");
		assertThat(names("workflow.instance.brand_new")).containsExactly("instances");
		assertThat(names("workflow.instances")).isEmpty();
		assertThat(names("workflow.started")).isEmpty();
	}

	@Test
	void handlerWithExactAndWildcardTypesRunsOnce() {
		this.registry.register(List.of(handler("both", 0, "room.message.created", "room.*")));
		assertThat(names("room.message.created")).containsExactly("both");
		assertThat(names("room.other")).containsExactly("both");
	}

	@Test
	void unknownTypesWithoutWildcardsHaveNoHandlersAndAreNotRemembered() {
		this.registry.register(List.of(handler("exact", 0, "room.message.created")));
		assertThat(this.registry.handlersFor("agent.something.new")).isEmpty();
		assertThat(this.registry.learnedEventTypeCount()).isZero();
	}

	@Test
	void catalogAndNamedTypesArePrecomputed() {
		this.registry.register(List.of(handler("all", 0, "*"), handler("custom", 1, "my.custom.event")));
		for (String type : InteractorEvents.CATALOG) {
			assertThat(names(type)).containsExactly("all");
		}
		assertThat(names("my.custom.event")).containsExactly("all", "custom");
		assertThat(this.registry.learnedEventTypeCount()).isZero();
		assertThat(names("not.in.the.catalog")).containsExactly("all");
		assertThat(this.registry.learnedEventTypeCount()).isOne();
		assertThat(this.registry.handlersFor("not.in.the.catalog")).isSameAs(this.registry.handlersFor("not.in.the.catalog"));
	}

	@Test
	void rememberedEventTypesAreBounded() {
		this.registry.register(List.of(handler("all", 0, "*")));
		int sent = WebhookHandlerRegistry.MAX_LEARNED_EVENT_TYPES * 4;
		for (int i = 0; i < sent; i++) {
			assertThat(names("sender.chosen." + i)).containsExactly("all");
		}
		assertThat(this.registry.learnedEventTypeCount()).isEqualTo(WebhookHandlerRegistry.MAX_LEARNED_EVENT_TYPES);
	}

	@Test
	void longEventTypesAreNotRemembered() {
		this.registry.register(List.of(handler("all", 0, "*")));
		assertThat(names("x".repeat(WebhookHandlerRegistry.MAX_LEARNED_EVENT_TYPE_LENGTH + 1))).containsExactly("all");
		assertThat(this.registry.learnedEventTypeCount()).isZero();
	}

	@Test
	void laterRegistrationReplacesWhatWasRemembered() {
		this.registry.register(List.of(handler("all", 0, "*")));
		assertThat(names("lazy.event")).containsExactly("all");
		this.registry.register(List.of(handler("lazy", -1, "lazy.*")));
		assertThat(names("lazy.event")).containsExactly("lazy", "all");
	}

	@Test
	void emptyRegistry() {
		assertThat(this.registry.isEmpty()).isTrue();
		assertThat(this.registry.handlersFor("room.message.created")).isEmpty();
		assertThat(this.registry.getHandlers()).isEmpty();
	}

	private List<String> names(String eventType) {
		return this.registry.handlersFor(eventType).stream().map(WebhookHandlerMethod::getBeanName).toList();
	}

	private static WebhookHandlerMethod handler(String name, int order, String... eventTypes) {
		return new WebhookHandlerMethod(name, new Handler(),
				ReflectionUtils.findMethod(Handler.class, "handle"), List.of(eventTypes), order, List.of());
	}

	static class Handler {

		void handle() {
		}

	}

}
