package io.interactor.spring.client.resource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.interactor.spring.client.InteractorClient;
import io.interactor.spring.client.ReactiveInteractorClient;
import io.interactor.spring.client.core.ListParams;
import io.interactor.spring.client.core.Page;
import io.interactor.spring.test.FixedAccessTokenProvider;
import mockwebserver3.MockResponse;
import io.interactor.spring.test.PeerRequests;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.interactor.spring.test.PeerRequests.clientBuilder;
import static io.interactor.spring.test.PeerRequests.enqueue;
import static io.interactor.spring.test.PeerRequests.json;
import static io.interactor.spring.test.PeerRequests.take;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code assistants()} on both clients: method, path, query, headers, body and response mapping.
 */
class AssistantsTests {

	private static final String ASSISTANT_JSON = "{\"id\":\"asst_1\",\"name\":\"support\",\"model\":\"gpt-4o\","
			+ "\"system_prompt\":\"Be kind\",\"temperature\":0.3,\"max_tokens\":512,\"tools\":[\"tool_1\"],"
			+ "\"data_sources\":[{\"id\":\"ds_1\"}],\"created_at\":\"2026-01-02T03:04:05Z\","
			+ "\"some_future_field\":{\"x\":1}}";

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private MockWebServer server;

	private final FixedAccessTokenProvider tokens = new FixedAccessTokenProvider();

	private ReactiveInteractorClient reactive;

	private InteractorClient blocking;

	@BeforeEach
	void start() throws Exception {
		this.server = PeerRequests.start();
		this.reactive = clientBuilder(this.server, this.tokens).build();
		this.blocking = new InteractorClient(this.reactive);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void createSendsSnakeCaseBodyWithoutNullsAndIdempotencyKey() throws Exception {
		enqueue(this.server, json(201, "{\"data\":" + ASSISTANT_JSON + "}"),
				json(201, "{\"data\":" + ASSISTANT_JSON + "}"));
		CreateAssistantRequest request = CreateAssistantRequest.builder("support", "gpt-4o", "Be kind")
			.temperature(0.3)
			.maxTokens(512)
			.tools(List.of("tool_1"))
			.build();
		Assistant created = this.blocking.assistants().create("user_1", request);
		Assistant createdReactive = this.reactive.assistants().create("user_1", request).block();
		for (Assistant assistant : List.of(created, createdReactive)) {
			assertThat(assistant.id()).isEqualTo("asst_1");
			assertThat(assistant.systemPrompt()).isEqualTo("Be kind");
			assertThat(assistant.maxTokens()).isEqualTo(512);
			assertThat(assistant.createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
			assertThat(assistant.tools()).hasSize(1);
			assertThat(assistant.dataSources().get(0).get("id").asString()).isEqualTo("ds_1");
		}
		for (int i = 0; i < 2; i++) {
			RecordedRequest recorded = take(this.server);
			assertThat(recorded.getMethod()).isEqualTo("POST");
			assertThat(recorded.getTarget()).isEqualTo("/api/v1/assistants");
			assertThat(recorded.getHeaders().get("X-Namespace")).isEqualTo("user_1");
			assertThat(recorded.getHeaders().get("Content-Type")).startsWith("application/json");
			assertThat(recorded.getHeaders().get("Idempotency-Key")).isNotBlank();
			JsonNode body = this.jsonMapper.readTree(recorded.getBody().utf8());
			assertThat(body.propertyNames()).containsExactlyInAnyOrder("name", "model", "system_prompt", "tools",
					"temperature", "max_tokens");
			assertThat(body.get("system_prompt").asString()).isEqualTo("Be kind");
		}
	}

	@Test
	void getReadsEnvelopeAndIgnoresUnknownFields() throws Exception {
		enqueue(this.server, json(200, "{\"data\":" + ASSISTANT_JSON + "}"), json(200, ASSISTANT_JSON));
		assertThat(this.blocking.assistants().get("ns", "asst_1").name()).isEqualTo("support");
		assertThat(this.reactive.assistants().get("ns", "asst_1").block().model()).isEqualTo("gpt-4o");
		for (int i = 0; i < 2; i++) {
			RecordedRequest recorded = take(this.server);
			assertThat(recorded.getMethod()).isEqualTo("GET");
			assertThat(recorded.getTarget()).isEqualTo("/api/v1/assistants/asst_1");
			assertThat(recorded.getHeaders().get("Idempotency-Key")).isNull();
		}
	}

	@Test
	void listSendsPagingQueryAndReadsMeta() throws Exception {
		String page = "{\"data\":[" + ASSISTANT_JSON + "],\"meta\":{\"current_page\":2,\"total_pages\":5,"
				+ "\"total_count\":41,\"per_page\":10}}";
		enqueue(this.server, json(200, page), json(200, page));
		Page<Assistant> blockingPage = this.blocking.assistants().list("ns", ListParams.of(2, 10));
		Page<Assistant> reactivePage = this.reactive.assistants().list("ns", ListParams.of(2, 10)).block();
		for (Page<Assistant> result : List.of(blockingPage, reactivePage)) {
			assertThat(result.data()).extracting(Assistant::id).containsExactly("asst_1");
			assertThat(result.meta().page()).isEqualTo(2);
			assertThat(result.meta().total()).isEqualTo(41);
			assertThat(result.hasNext()).isTrue();
		}
		assertThat(take(this.server).getTarget()).isEqualTo("/api/v1/assistants?page=2&per_page=10");
		assertThat(take(this.server).getTarget()).isEqualTo("/api/v1/assistants?page=2&per_page=10");
	}

	@Test
	void listReadsNamedArrayAndPlainShapes() {
		enqueue(this.server, json(200, "{\"data\":{\"assistants\":[" + ASSISTANT_JSON + "]}}"),
				json(200, "{\"data\":[" + ASSISTANT_JSON + "],\"meta\":{\"page\":1,\"has_more\":false}}"));
		Page<Assistant> named = this.blocking.assistants().list("ns");
		assertThat(named.data()).hasSize(1);
		assertThat(named.hasNext()).isFalse();
		Page<Assistant> plain = this.blocking.assistants().list("ns");
		assertThat(plain.data()).hasSize(1);
		assertThat(plain.hasNext()).isFalse();
	}

	@Test
	void updateSendsOnlyChangedFieldsWithPatch() throws Exception {
		enqueue(this.server, json(200, "{\"data\":" + ASSISTANT_JSON + "}"),
				json(200, "{\"data\":" + ASSISTANT_JSON + "}"));
		UpdateAssistantRequest update = UpdateAssistantRequest.builder()
			.systemPrompt("Be brief")
			.metadata(Map.of("team", "care"))
			.build();
		this.blocking.assistants().update("ns", "asst_1", update);
		this.reactive.assistants().update("ns", "asst_1", update).block();
		for (int i = 0; i < 2; i++) {
			RecordedRequest recorded = take(this.server);
			assertThat(recorded.getMethod()).isEqualTo("PATCH");
			assertThat(recorded.getTarget()).isEqualTo("/api/v1/assistants/asst_1");
			assertThat(this.jsonMapper.readTree(recorded.getBody().utf8()).toString())
				.isEqualTo("{\"system_prompt\":\"Be brief\",\"metadata\":{\"team\":\"care\"}}");
		}
	}

	@Test
	void deleteOnBothClients() throws Exception {
		enqueue(this.server, new MockResponse.Builder().code(204).build(),
				new MockResponse.Builder().code(204).build());
		this.blocking.assistants().delete("ns", "asst_1");
		this.reactive.assistants().delete("ns", "asst_2").block();
		assertThat(take(this.server).getRequestLine()).startsWith("DELETE /api/v1/assistants/asst_1");
		assertThat(take(this.server).getRequestLine()).startsWith("DELETE /api/v1/assistants/asst_2");
	}

	@Test
	void listAllFetchesEveryPageAndStopsOnTheLast() throws Exception {
		enqueueThreePages();
		assertThat(this.blocking.assistants().listAll("ns").map(Assistant::id).toList()).containsExactly("a1", "a2",
				"a3", "a4", "a5");
		assertThat(this.server.getRequestCount()).isEqualTo(3);
		assertThat(take(this.server).getTarget()).isEqualTo("/api/v1/assistants?page=1");
		assertThat(take(this.server).getTarget()).isEqualTo("/api/v1/assistants?page=2");
		assertThat(take(this.server).getTarget()).isEqualTo("/api/v1/assistants?page=3");
		enqueueThreePages();
		assertThat(this.reactive.assistants().listAll("ns").map(Assistant::id).collectList().block())
			.containsExactly("a1", "a2", "a3", "a4", "a5");
		assertThat(this.server.getRequestCount()).isEqualTo(6);
	}

	@Test
	void blockingListAllFetchesOnlyThePagesTheConsumerReaches() {
		enqueueThreePages();
		assertThat(this.blocking.assistants().listAll("ns").limit(3).map(Assistant::id).toList())
			.containsExactly("a1", "a2", "a3");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void reactiveListAllFetchesOnlyThePagesTheConsumerReaches() {
		enqueueThreePages();
		assertThat(this.reactive.assistants().listAll("ns").take(1).map(Assistant::id).collectList().block())
			.containsExactly("a1");
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	private void enqueueThreePages() {
		enqueue(this.server, 
				json(200, "{\"data\":[{\"id\":\"a1\"},{\"id\":\"a2\"}],\"meta\":{\"page\":1,\"has_more\":true}}"),
				json(200, "{\"data\":[{\"id\":\"a3\"},{\"id\":\"a4\"}],\"meta\":{\"current_page\":2,"
						+ "\"total_pages\":3}}"),
				json(200, "{\"data\":[{\"id\":\"a5\"}],\"meta\":{\"page\":3,\"total_pages\":3}}"));
	}

}
