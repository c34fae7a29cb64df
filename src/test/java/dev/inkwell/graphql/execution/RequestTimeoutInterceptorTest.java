package dev.inkwell.graphql.execution;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

class RequestTimeoutInterceptorTest {

	private final WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://localhost/graphql"),
			new HttpHeaders(), new LinkedMultiValueMap<>(), null, Map.of(), Map.of("query", "{ me { id } }"), "1",
			Locale.ENGLISH);

	@Test
	void aRequestThatRunsTooLongIsCancelledAndGetsAClassifiedError() {
		AtomicBoolean cancelled = new AtomicBoolean();
		RequestTimeoutInterceptor interceptor = new RequestTimeoutInterceptor(Duration.ofMillis(200));

		WebGraphQlResponse response = interceptor
			.intercept(this.request, (next) -> Mono.<WebGraphQlResponse>never().doOnCancel(() -> cancelled.set(true)))
			.block(Duration.ofSeconds(5));

		assertThat(cancelled).as("the work behind the request was cancelled").isTrue();
		assertThat(response.getErrors()).hasSize(1);
		ResponseError error = response.getErrors().get(0);
		assertThat(error.getExtensions()).containsEntry("classification", "INTERNAL_ERROR");
		assertThat(error.getMessage()).startsWith("The request took longer than 200ms and was cancelled");
	}

	@Test
	void aRequestWithinTheTimeoutIsLeftAlone() {
		RequestTimeoutInterceptor interceptor = new RequestTimeoutInterceptor(Duration.ofSeconds(30));
		WebGraphQlResponse answer = new RequestTimeoutInterceptor(Duration.ofMillis(1))
			.intercept(this.request, (next) -> Mono.never())
			.block(Duration.ofSeconds(5));

		assertThat(interceptor.intercept(this.request, (next) -> Mono.just(answer)).block()).isSameAs(answer);
	}

}
