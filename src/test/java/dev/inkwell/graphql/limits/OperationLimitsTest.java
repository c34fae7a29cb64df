package dev.inkwell.graphql.limits;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.inkwell.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Every limit refuses with HTTP 400 and one error naming the limit and the value. */
class OperationLimitsTest extends IntegrationTest {

	private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	@Test
	void everyExecutedResponseReportsItsCost() {
		query("{ me { id } }").expectStatus().isOk()
			.expectBody().jsonPath("$.extensions.cost.requested").isEqualTo(2)
			.jsonPath("$.extensions.cost.maximum").isEqualTo(5000);
	}

	@Test
	void tooManyAliases() {
		String aliases = IntStream.range(0, 16).mapToObj((i) -> "a" + i + ": me { id }").collect(Collectors.joining(" "));
		refused("{ " + aliases + " }", "aliases", 16, 15);
		query("{ " + aliases.substring(aliases.indexOf("a1:")) + " }").expectStatus().isOk();
	}

	@Test
	void tooManyRootFields() {
		String fields = IntStream.range(0, 21).mapToObj((i) -> "me { id }").collect(Collectors.joining(" "));
		refused("{ " + fields + " }", "rootFields", 21, 20);
	}

	@Test
	void tooManyDirectives() {
		String fields = IntStream.range(0, 51).mapToObj((i) -> "id @include(if: true)").collect(Collectors.joining(" "));
		refused("{ me { " + fields + " } }", "directives", 51, 50);
	}

	@Test
	void tooLongDocument() {
		String padding = "#" + "x".repeat(15_000) + "\n";
		WebTestClient.BodyContentSpec body = query(padding + "{ me { id } }").expectStatus().isBadRequest().expectBody();
		body.jsonPath("$.errors.length()").isEqualTo(1)
			.jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST")
			.jsonPath("$.errors[0].extensions.limit").isEqualTo("documentLength")
			.jsonPath("$.errors[0].extensions.maximum").isEqualTo(15000)
			.jsonPath("$.errors[0].message").value((String message) -> assertThat(message).contains("15000"));
	}

	@Test
	void tooManyTokens() {
		String fields = IntStream.range(0, 2100).mapToObj((i) -> "id").collect(Collectors.joining(" "));
		WebTestClient.BodyContentSpec body = query("{ me { " + fields + " } }").expectStatus().isBadRequest().expectBody();
		body.jsonPath("$.errors.length()").isEqualTo(1)
			.jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST")
			.jsonPath("$.errors[0].message").value((String message) -> assertThat(message).containsPattern("2[,.]?000 .*tokens"));
	}

	private void refused(String query, String limit, int actual, int maximum) {
		query(query).expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.data").doesNotExist()
			.jsonPath("$.errors.length()").isEqualTo(1)
			.jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST")
			.jsonPath("$.errors[0].extensions.limit").isEqualTo(limit)
			.jsonPath("$.errors[0].extensions.actual").isEqualTo(actual)
			.jsonPath("$.errors[0].extensions.maximum").isEqualTo(maximum)
			.jsonPath("$.errors[0].message").value((String message) -> assertThat(message)
				.contains(Integer.toString(actual)).contains(Integer.toString(maximum)));
	}

	private WebTestClient.ResponseSpec query(String query) {
		return this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(GRAPHQL_RESPONSE)
			.bodyValue(Map.of("query", query)).exchange();
	}

}
