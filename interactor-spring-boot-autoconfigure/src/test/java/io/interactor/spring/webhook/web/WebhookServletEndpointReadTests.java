package io.interactor.spring.webhook.web;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookServletEndpointReadTests {

	@Test
	void readsBodiesUpToTheCap() throws Exception {
		byte[] body = new byte[100];
		assertThat(WebhookServletEndpoint.readCapped(new ByteArrayInputStream(body), 100)).hasSize(100);
		assertThat(WebhookServletEndpoint.readCapped(new ByteArrayInputStream(new byte[0]), 100)).isEmpty();
	}

	@Test
	void stopsReadingAnEndlessStreamJustAfterTheCap() throws Exception {
		AtomicLong read = new AtomicLong();
		InputStream endless = new InputStream() {

			@Override
			public int read() {
				read.incrementAndGet();
				return 'x';
			}

		};
		assertThat(WebhookServletEndpoint.readCapped(endless, 10_000)).isNull();
		assertThat(read.get()).isEqualTo(10_001);
	}

}
