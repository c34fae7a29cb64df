package dev.inkwell.graphql;

import java.util.Map;

import dev.inkwell.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** One switch, INTROSPECTION_ENABLED=false, hides the schema: introspection, the printed schema, GraphiQL. */
@TestPropertySource(properties = "INTROSPECTION_ENABLED=false")
class ProductionSwitchTest extends IntegrationTest {

	@Test
	void introspectionIsRefused() {
		this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ __schema { types { name } } }")).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.data.__schema").doesNotExist()
			.jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST");
	}

	@Test
	void schemaAndGraphiqlAreNotServed() {
		this.http.get().uri("/graphql/schema").exchange().expectStatus().isNotFound();
		this.http.get().uri("/graphiql").exchange().expectStatus().isNotFound();
	}

	@Test
	void errorsDoNotSuggestFieldNames() {
		String body = this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ usr(username: \"x\") { id } me { idd } }")).exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(body).contains("usr").doesNotContainIgnoringCase("did you mean").doesNotContain("\"user\"");
	}

	@Test
	void queriesStillWork() {
		this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ me { id } }")).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.data.me").isEmpty();
	}

}
