package dev.inkwell.graphql.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.inkwell.IntegrationTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The GraphQL-over-HTTP specification: media types, status codes, GET, and unreadable requests. */
class GraphQlOverHttpTest extends IntegrationTest {

	private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	@Test
	void graphqlResponseMediaTypeAnswers200WithDataAnd400WithoutData() {
		post(GRAPHQL_RESPONSE, "{\"query\":\"{ me { id } }\"}").expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(GRAPHQL_RESPONSE)
			.expectBody().jsonPath("$.data").exists();
		post(GRAPHQL_RESPONSE, "{\"query\":\"{ nope }\"}").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.data").doesNotExist()
			.jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST");
	}

	@Test
	void applicationJsonAnswers200EvenForRequestErrors() {
		post(MediaType.APPLICATION_JSON, "{\"query\":\"{ nope }\"}").expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST")
			.jsonPath("$.errors[0].extensions.reason").isEqualTo("ValidationError");
	}

	@Test
	void unparsableJsonIs400WithAGraphQlError() {
		post(GRAPHQL_RESPONSE, "{\"query\": ").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST")
			.jsonPath("$.errors[0].message").value((String message) -> org.assertj.core.api.Assertions
				.assertThat(message).contains("not a valid GraphQL request").doesNotContain("Jackson"));
		post(MediaType.APPLICATION_JSON, "[1, 2]").expectStatus().isBadRequest();
		post(MediaType.APPLICATION_JSON, "{\"variables\": {}}").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].message").value((String message) -> org.assertj.core.api.Assertions
				.assertThat(message).contains("'query'"));
	}

	@Test
	void unsupportedContentTypeIs415() {
		this.http.post().uri("/graphql").contentType(MediaType.TEXT_PLAIN).bodyValue("{ me { id } }").exchange()
			.expectStatus().isEqualTo(415);
	}

	@Test
	void queriesWorkOverGetWithVariablesAndOperationName() {
		register("ada");
		this.http.get()
			.uri((uri) -> uri.path("/graphql")
				.queryParam("query", "{q}")
				.queryParam("variables", "{v}")
				.queryParam("operationName", "ByName")
				.build(Map.of("q",
						"query Other { me { id } } query ByName($name: String) { user(username: $name) { username } }",
						"v", "{\"name\":\"ada\"}")))
			.accept(GRAPHQL_RESPONSE)
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.data.user.username").isEqualTo("ada");
	}

	@Test
	void mutationsOverGetAre405() {
		this.http.get()
			.uri((uri) -> uri.path("/graphql")
				.queryParam("query", "{q}")
				.build(Map.of("q", "mutation { login(input: {login: \"ada\", password: \"whatever1\"}) { token } }")))
			.exchange()
			.expectStatus().isEqualTo(405)
			.expectHeader().valueEquals("Allow", "POST")
			.expectBody().jsonPath("$.errors[0].message").value((String message) -> org.assertj.core.api.Assertions
				.assertThat(message).contains("POST"));
	}

	@Test
	void getWithoutQueryOrWithBadVariablesIs400() {
		this.http.get().uri("/graphql").exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST");
		this.http.get()
			.uri((uri) -> uri.path("/graphql").queryParam("query", "{q}").queryParam("variables", "{v}")
				.build(Map.of("q", "{ me { id } }", "v", "[1]")))
			.exchange()
			.expectStatus().isBadRequest();
	}

	@Test
	void bodiesOverOneMegabyteAreRefused() {
		String big = "{\"query\":\"{ me { id } }\",\"variables\":{\"pad\":\"" + "x".repeat(1_100_000) + "\"}}";
		post(MediaType.APPLICATION_JSON, big).expectStatus().isEqualTo(413)
			.expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST");
		// Without a Content-Length header (chunked), the codec limit cuts it.
		byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
		Flux<DataBuffer> chunks = Flux.range(0, bytes.length / 65536 + 1)
			.map((i) -> DefaultDataBufferFactory.sharedInstance.wrap(java.util.Arrays.copyOfRange(bytes, i * 65536,
					Math.min(bytes.length, (i + 1) * 65536))));
		this.http.method(HttpMethod.POST).uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.body(chunks, DataBuffer.class).exchange()
			.expectStatus().isEqualTo(413);
	}

	private WebTestClient.ResponseSpec post(MediaType accept, String body) {
		return this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(accept)
			.bodyValue(body).exchange();
	}

}
