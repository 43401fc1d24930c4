package io.interactor.spring.client;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.interactor.spring.client.error.InteractorException;
import io.interactor.spring.client.resource.CreateAssistantRequest;
import io.interactor.spring.test.PeerRequests;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static io.interactor.spring.test.PeerRequests.CLIENT_SECRET;
import static io.interactor.spring.test.PeerRequests.enqueue;
import static io.interactor.spring.test.PeerRequests.json;
import static io.interactor.spring.test.PeerRequests.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The client secret and access tokens never reach logs (at TRACE) or exception messages during a full call with
 * token fetch, 401 refresh, retries and a final error.
 */
class SecretHygieneTests {

	private static final List<String> LOGGERS = List.of(Logger.ROOT_LOGGER_NAME, "io.interactor",
			"org.springframework.web", "org.springframework.http", "reactor.netty");

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private MockWebServer server;

	private Level rootLevel;

	@BeforeEach
	void start() throws Exception {
		this.server = PeerRequests.start();
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		this.rootLevel = context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel();
		this.appender.setContext(context);
		this.appender.start();
		for (String name : LOGGERS) {
			Logger logger = context.getLogger(name);
			logger.setLevel(Level.TRACE);
		}
		context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this.appender);
	}

	@AfterEach
	void stop() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this.appender);
		for (String name : LOGGERS.subList(1, LOGGERS.size())) {
			context.getLogger(name).setLevel(null);
		}
		context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(this.rootLevel);
		this.server.close();
	}

	@Test
	void secretAndTokensStayOutOfLogsAndExceptions() throws Exception {
		// The rejected token is replaced: token-1, the 401, token-2, then the retried call.
		enqueue(this.server, token(1), json(401, "{\"error\":{\"code\":\"unauthorized\"}}"), token(2), json(503, "{}"),
				json(201, "{\"data\":{\"id\":\"asst_1\"}}"),
				json(422, "{\"error\":{\"code\":\"validation_error\",\"message\":\"Invalid\"}}"));
		InteractorClient client = new InteractorClient(PeerRequests.credentialsClientBuilder(this.server).build());
		client.assistants().create("ns", CreateAssistantRequest.of("a", "m", "p"));
		InteractorException ex = catchThrowableOfType(InteractorException.class,
				() -> client.assistants().create("ns", CreateAssistantRequest.of("a", "m", "p")));

		assertThat(PeerRequests.drain(this.server)).filteredOn((request) -> request.getTarget().startsWith("/auth/"))
			.hasSize(2);
		List<ILoggingEvent> events;
		synchronized (this.appender) {
			events = new ArrayList<>(this.appender.list);
		}
		assertThat(events).as("something was logged at TRACE").isNotEmpty();
		assertThat(events).anySatisfy((event) -> assertThat(event.getLoggerName())
			.startsWith("io.interactor"));
		for (ILoggingEvent event : events) {
			assertThat(event.getFormattedMessage()).doesNotContain(CLIENT_SECRET, "token-1", "token-2");
			for (IThrowableProxy proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
				assertThat(String.valueOf(proxy.getMessage())).doesNotContain(CLIENT_SECRET, "token-1");
			}
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			assertThat(String.valueOf(cause.getMessage())).doesNotContain(CLIENT_SECRET, "token-1", "token-2");
		}
		assertThat(client.reactive().tokenProvider().toString()).doesNotContain(CLIENT_SECRET);
	}

}
