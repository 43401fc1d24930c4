package io.interactor.spring.webhook.web;

import io.interactor.spring.webhook.dispatch.WebhookOutcome;
import io.interactor.spring.webhook.dispatch.WebhookOutcome.Result;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WebhookServletResponse} writes each outcome's status, headers and JSON, and what a filter changed in its
 * headers or cookies.
 */
class WebhookServletResponseTests {

	@Test
	void everyOutcomeIsWrittenWithItsStatusJsonAndLength() throws Exception {
		for (Result result : Result.values()) {
			WebhookOutcome outcome = WebhookOutcome.of(result);
			MockHttpServletResponse response = write(new WebhookServletResponse(outcome));
			assertThat(response.getStatus()).isEqualTo(outcome.status());
			assertThat(response.getContentAsString()).isEqualTo(outcome.body());
			assertThat(response.getContentType()).isEqualTo("application/json");
			assertThat(response.getContentLength()).isEqualTo(outcome.body().length());
			assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isNull();
		}
	}

	@Test
	void retryAfterIsWrittenWhenSet() throws Exception {
		WebhookServletResponse answer = new WebhookServletResponse(WebhookOutcome.of(Result.STORE_UNAVAILABLE, 7));
		MockHttpServletResponse response = write(answer);
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
		assertThat(answer.statusCode().value()).isEqualTo(503);
		assertThat(answer.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
		assertThat(answer.headers().getContentLength()).isEqualTo(response.getContentLength());
	}

	@Test
	void headersAndCookiesChangedByAFilterAreWritten() throws Exception {
		WebhookServletResponse answer = new WebhookServletResponse(WebhookOutcome.of(Result.PROCESSED));
		answer.headers().add("X-Filtered", "yes");
		answer.cookies().add("seen", new Cookie("seen", "1"));
		MockHttpServletResponse response = write(answer);
		assertThat(response.getHeader("X-Filtered")).isEqualTo("yes");
		assertThat(response.getContentType()).isEqualTo("application/json");
		assertThat(response.getCookie("seen")).isNotNull();
		assertThat(response.getContentAsString()).isEqualTo("{\"received\":true}");
	}

	@Test
	void outcomeWithOtherJsonIsWrittenAsItIs() throws Exception {
		WebhookOutcome outcome = new WebhookOutcome(Result.PROCESSED, 200, "{\"received\":true,\"é\":1}", null);
		MockHttpServletResponse response = write(new WebhookServletResponse(outcome));
		assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(outcome.body());
		assertThat(response.getContentLength()).isEqualTo(outcome.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
	}

	private static MockHttpServletResponse write(WebhookServletResponse answer) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(answer.writeTo(new MockHttpServletRequest(), response, null)).isNull();
		return response;
	}

}
