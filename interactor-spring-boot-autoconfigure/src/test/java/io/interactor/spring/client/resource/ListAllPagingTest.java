package io.interactor.spring.client.resource;

import java.util.List;

import io.interactor.spring.test.PeerRequests;
import io.interactor.spring.test.ReceivedRequests;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.interactor.spring.test.PeerRequests.blockingClient;
import static io.interactor.spring.test.PeerRequests.json;
import static io.interactor.spring.test.PeerRequests.reactiveClient;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code listAll} fetches pages lazily: exactly as many as the consumer reaches, and none after the last.
 */
class ListAllPagingTest {

	private static final String NS = "user_123";

	private MockWebServer server;

	private ReceivedRequests received;

	@BeforeEach
	void start() throws Exception {
		this.server = PeerRequests.start(PeerRequests.notFound());
		this.received = new ReceivedRequests(this.server);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void reactiveListAllOverThreePagesFetchesExactlyThree() {
		threePagesOfTools();
		List<String> ids = reactiveClient(this.server).tools().listAll(NS).map(Tool::id).collectList().block();
		assertThat(ids).containsExactly("tool_1", "tool_2", "tool_3", "tool_4", "tool_5", "tool_6");
		assertThat(targets()).containsExactly("/api/v1/tools?page=1", "/api/v1/tools?page=2", "/api/v1/tools?page=3");
	}

	@Test
	void blockingListAllOverThreePagesFetchesExactlyThree() {
		threePagesOfTools();
		List<String> ids = blockingClient(this.server).tools().listAll(NS).map(Tool::id).toList();
		assertThat(ids).hasSize(6);
		assertThat(targets()).hasSize(3);
	}

	@Test
	void reactiveConsumerTakingOneItemFetchesOnePage() {
		threePagesOfTools();
		assertThat(reactiveClient(this.server).tools().listAll(NS).take(1).map(Tool::id).collectList().block())
			.containsExactly("tool_1");
		assertThat(targets()).containsExactly("/api/v1/tools?page=1");
	}

	@Test
	void blockingConsumerTakingOneItemFetchesOnePage() {
		threePagesOfTools();
		assertThat(blockingClient(this.server).tools().listAll(NS).findFirst()).get()
			.extracting(Tool::id)
			.isEqualTo("tool_1");
		assertThat(targets()).containsExactly("/api/v1/tools?page=1");
	}

	@Test
	void hasMoreShapeIsFollowedAcrossFilteredLists() {
		this.server.enqueue(json(200,
				"{\"data\":[{\"id\":\"wfi_1\"}],\"meta\":{\"page\":1,\"per_page\":1,\"total\":2,\"has_more\":true}}"));
		this.server.enqueue(json(200,
				"{\"data\":[{\"id\":\"wfi_2\"}],\"meta\":{\"page\":2,\"per_page\":1,\"total\":2,\"has_more\":false}}"));
		List<WorkflowInstance> all = blockingClient(this.server)
			.workflowInstances()
			.listAll(NS, WorkflowInstanceFilter.workflow("wf_1"), io.interactor.spring.client.core.ListParams.of(1, 1))
			.toList();
		assertThat(all).extracting(WorkflowInstance::id).containsExactly("wfi_1", "wfi_2");
		assertThat(targets()).containsExactly("/api/v1/workflow-instances?workflow_id=wf_1&page=1&per_page=1",
				"/api/v1/workflow-instances?workflow_id=wf_1&page=2&per_page=1");
	}

	@Test
	void messagesFollowTheCursorOnBothClients() {
		for (int i = 0; i < 2; i++) {
			this.server.enqueue(json(200,
					"{\"data\":{\"messages\":[{\"id\":\"msg_1\"}],\"has_more\":true,\"next_cursor\":\"c2\"}}"));
			this.server.enqueue(json(200,
					"{\"data\":{\"messages\":[{\"id\":\"msg_2\"}],\"has_more\":false,\"next_cursor\":null}}"));
		}
		MessageListParams ascending = MessageListParams.order(MessageOrder.ASC);
		assertThat(reactiveClient(this.server).rooms().listAllMessages(NS, "room_1", ascending).collectList().block())
			.extracting(Message::id)
			.containsExactly("msg_1", "msg_2");
		assertThat(blockingClient(this.server).rooms().listAllMessages(NS, "room_1", ascending).toList())
			.extracting(Message::id)
			.containsExactly("msg_1", "msg_2");
		assertThat(targets()).containsExactly("/api/v1/rooms/room_1/messages?order=asc",
				"/api/v1/rooms/room_1/messages?order=asc&cursor=c2", "/api/v1/rooms/room_1/messages?order=asc",
				"/api/v1/rooms/room_1/messages?order=asc&cursor=c2");
	}

	@Test
	void listWithoutPagingInformationIsOnePage() {
		this.server.enqueue(json(200, "{\"data\":{\"webhooks\":[{\"id\":\"wh_1\"},{\"id\":\"wh_2\"}]}}"));
		assertThat(reactiveClient(this.server).webhooks().listAll(NS).collectList().block()).hasSize(2);
		assertThat(targets()).hasSize(1);
	}

	private void threePagesOfTools() {
		for (int page = 1; page <= 3; page++) {
			this.server.enqueue(json(200, "{\"data\":[{\"id\":\"tool_" + (2 * page - 1) + "\"},{\"id\":\"tool_"
							+ (2 * page) + "\"}],\"meta\":{\"current_page\":" + page + ",\"total_pages\":3}}"));
		}
		// A fourth page would be a bug: it is served, so fetching it would show in the assertions.
		this.server.enqueue(json(200, "{\"data\":[{\"id\":\"tool_7\"}]}"));
	}

	private List<String> targets() {
		return this.received.all().stream().map(RecordedRequest::getTarget).toList();
	}

}
