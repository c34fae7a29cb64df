package dev.inkwell.edge.cache;

import java.util.Map;

import dev.inkwell.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/** What the response cache's tests share: the cache on, nothing cached from before, and helpers. */
abstract class ResponseCacheTesting extends IntegrationTest {

	static final JsonMapper json = JsonMapper.builder().build();

	static final String FEED = "{ posts(first: 20) { totalCount nodes { id title version author { username } "
			+ "tags { name } commentCount comments(first: 5) { nodes { content } } } } }";

	@Autowired
	ResponseStore store;

	@Autowired
	MeterRegistry meters;

	Account ada;

	@DynamicPropertySource
	static void responseCacheOn(DynamicPropertyRegistry registry) {
		registry.add("inkwell.cache.response-cache", () -> "true");
	}

	/** The base class empties the tables behind the cache's back: nothing cached before may count. */
	@BeforeEach
	void forgetEverythingCached() {
		assertThat(this.store.invalidate(DataTags.ALL).block()).isTrue();
		this.ada = register("ada");
	}

	String createPost(Account author, String title, boolean published) {
		return as(author.token()).document("mutation($t: String!, $p: Boolean!) { createPost(input: {title: $t, "
				+ "content: \"Body\", tags: [\"Java\"], published: $p}) { id } }")
			.variable("t", title)
			.variable("p", published)
			.execute()
			.path("createPost.id")
			.entity(String.class)
			.get();
	}

	/** Reads twice, so that the answer is in the cache, and checks that the second read was a hit. */
	void warm(String query) {
		warmPost(query, Map.of());
	}

	void warmPost(String query, Map<String, Object> variables) {
		post(query, variables, null);
		double hits = count("hit");
		post(query, variables, null);
		assertThat(count("hit")).as("the second read of " + query + " is served from the cache").isEqualTo(hits + 1);
	}

	String read(String query) {
		return post(query, Map.of(), null);
	}

	String post(String query, Map<String, Object> variables, String token) {
		return this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
			.headers((headers) -> {
				if (token != null) {
					headers.setBearerAuth(token);
				}
			})
			.bodyValue(Map.of("query", query, "variables", variables))
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
	}

	EntityExchangeResult<String> get(String query) {
		return this.http.get().uri("/graphql?query={q}", query).header(HttpHeaders.ACCEPT, "application/json").exchange()
			.expectBody(String.class).returnResult();
	}

	double count(String result) {
		return this.meters.counter("inkwell.response.cache.requests", "result", result).count();
	}

}
