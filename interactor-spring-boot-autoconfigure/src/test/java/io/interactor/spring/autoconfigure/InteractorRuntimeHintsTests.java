package io.interactor.spring.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.interactor.spring.client.core.Page;
import io.interactor.spring.client.core.PageMeta;
import io.interactor.spring.client.http.RetryPolicy;
import io.interactor.spring.client.resource.Assistant;
import io.interactor.spring.client.resource.CreateAssistantRequest;
import io.interactor.spring.client.resource.CreateToolRequest;
import io.interactor.spring.client.resource.CredentialStatus;
import io.interactor.spring.client.resource.WorkflowInstance;
import io.interactor.spring.client.resource.WorkflowInstanceStatus;
import io.interactor.spring.webhook.CredentialEventData;
import io.interactor.spring.webhook.InteractorWebhook;
import io.interactor.spring.webhook.RoomMessageData;
import io.interactor.spring.webhook.WebhookEvent;
import io.interactor.spring.webhook.WorkflowInstanceData;
import io.interactor.spring.webhook.signature.VerificationResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;

import org.springframework.aot.AotDetector;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.annotation.ReflectiveRuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The native-image hints of the starter: model records for Jackson (through {@code aot.factories}) and
 * {@code @InteractorWebhook} handler methods with their payload types (through {@code @Reflective}).
 */
class InteractorRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	@Test
	void registrarIsListedInAotFactories() {
		assertThat(AotServices.factories(getClass().getClassLoader()).load(RuntimeHintsRegistrar.class))
			.hasAtLeastOneElementOfType(InteractorRuntimeHints.class);
	}

	@Test
	void modelTypesAreThePublicRecordsAndEnumsOfTheModelPackages() {
		List<Class<?>> types = InteractorRuntimeHints.modelTypes(getClass().getClassLoader());
		assertThat(types).contains(Page.class, PageMeta.class, Assistant.class, CreateAssistantRequest.class,
				CredentialStatus.class, WorkflowInstance.class, WorkflowInstanceStatus.class, CredentialEventData.class,
				RoomMessageData.class, WorkflowInstanceData.class, WorkflowInstanceData.Presentation.class,
				WorkflowInstanceData.Field.class);
		// Value objects built in code are not models: no point growing the image with them.
		assertThat(types).doesNotContain(RetryPolicy.class, VerificationResult.class);
		assertThat(types).allMatch((type) -> type.isRecord() || type.isEnum());
	}

	@Test
	void everyModelTypeIsRegisteredForBinding() {
		new InteractorRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
		for (Class<?> type : InteractorRuntimeHints.modelTypes(getClass().getClassLoader())) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(this.hints);
		}
	}

	@Test
	void responseAndRequestRecordsCanBeConstructedAndRead() throws Exception {
		new InteractorRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
		assertBindable(Assistant.class, "id", "systemPrompt");
		assertBindable(Page.class, "data", "meta");
		assertBindable(PageMeta.class, "page");
		assertBindable(CreateAssistantRequest.class, "name", "systemPrompt");
		assertBindable(CredentialEventData.class, "credentialId");
		assertBindable(WorkflowInstanceData.Field.class, "name");
	}

	@Test
	void wireEnumsCanBeReadThroughTheirJsonCreator() throws Exception {
		new InteractorRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(CredentialStatus.class.getMethod("from", String.class))).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(CredentialStatus.class, "value"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(WorkflowInstanceStatus.class, "from"))
			.accepts(this.hints);
	}

	@Test
	void envelopeAndNamingStrategyAreRegistered() throws Exception {
		new InteractorRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(WebhookEvent.class, "data"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(WebhookEvent.class, "idempotencyKey"))
			.accepts(this.hints);
		assertThat(CreateToolRequest.class
			.getAnnotation(tools.jackson.databind.annotation.JsonNaming.class)
			.value()).isEqualTo(PropertyNamingStrategies.SnakeCaseStrategy.class);
		assertThat(RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(PropertyNamingStrategies.SnakeCaseStrategy.class.getConstructor()))
			.accepts(this.hints);
	}

	@Test
	void handlerMethodsAreInvocableAndTheirPayloadsBindable() throws Exception {
		new ReflectiveRuntimeHintsRegistrar().registerRuntimeHints(this.hints, OrderHandlers.class);
		assertHandlerHints(this.hints);
	}

	@Test
	void aotProcessingOfAContextWithHandlersContributesEveryHint() throws Exception {
		// What spring-boot:process-aot does for an application, minus compiling the generated sources.
		assertThat(AotDetector.useGeneratedArtifacts()).isFalse();
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("test", Map.of("interactor.webhook.secret", "whsec_test")));
			context.register(InteractorWebhookAutoConfiguration.class, InteractorClientAutoConfiguration.class,
					OrderHandlers.class);
			DefaultGenerationContext generationContext = new DefaultGenerationContext(
					new ClassNameGenerator(ClassName.get(getClass())), new InMemoryGeneratedFiles());
			new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
			RuntimeHints contributed = generationContext.getRuntimeHints();
			assertHandlerHints(contributed);
			assertThat(RuntimeHintsPredicates.reflection().onType(Assistant.class)).accepts(contributed);
			assertThat(RuntimeHintsPredicates.reflection().onType(WorkflowInstanceData.class)).accepts(contributed);
		}
	}

	private static void assertHandlerHints(RuntimeHints hints) throws Exception {
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(OrderHandlers.class.getMethod("onShipped", OrderShipped.class))).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(OrderHandlers.class.getMethod("onRefund", WebhookEvent.class, HttpHeaders.class)))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(OrderHandlers.class.getMethod("onAnything", JsonNode.class))).accepts(hints);
		// A payload record, directly or as WebhookEvent<T>: Jackson constructs it and reads its components.
		assertBindable(hints, OrderShipped.class, "orderId");
		assertBindable(hints, Refund.class, "amount");
		assertBindable(hints, LineItem.class, "sku");
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(OrderHandlers.class, "notAHandler"))
			.rejects(hints);
	}

	private void assertBindable(Class<?> type, String... accessors) {
		assertBindable(this.hints, type, accessors);
	}

	private static void assertBindable(RuntimeHints hints, Class<?> type, String... accessors) {
		Predicate<RuntimeHints> constructor = RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(type.getDeclaredConstructors()[0]);
		assertThat(constructor).as("constructor of %s", type.getName()).accepts(hints);
		for (String accessor : accessors) {
			assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(type, accessor))
				.as("%s.%s()", type.getName(), accessor)
				.accepts(hints);
		}
	}

	public record OrderShipped(String orderId) {

	}

	public record Refund(long amount) {

	}

	public record LineItem(String sku) {

	}

	public static class OrderHandlers {

		@InteractorWebhook("order.shipped")
		public void onShipped(OrderShipped payload) {
		}

		@InteractorWebhook("order.refunded")
		public void onRefund(WebhookEvent<Refund> event, HttpHeaders headers) {
		}

		@InteractorWebhook("*")
		public void onAnything(JsonNode data) {
		}

		@InteractorWebhook("order.batch")
		public void onBatch(WebhookEvent<List<LineItem>> event) {
		}

		public void notAHandler() {
		}

	}

}
