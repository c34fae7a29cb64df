package dev.inkwell.graphql;

import java.util.Map;

import dev.inkwell.IntegrationTest;
import graphql.introspection.Introspection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * One switch, INTROSPECTION_ENABLED=false, hides the schema: introspection, the printed schema, GraphiQL.
 * The controls (all three served with the switch at its default) are in {@link ServerSurfaceTest}.
 */
@TestPropertySource(properties = "INTROSPECTION_ENABLED=false")
class ProductionSwitchTest extends IntegrationTest {

	/**
	 * Spring Boot turns introspection off JVM-wide (graphql-java's {@code Introspection.enabledJvmWide}),
	 * which in this test JVM would reach every later context too.
	 */
	@AfterAll
	static void introspectionBackOnForLaterContexts() {
		Introspection.enabledJvmWide(true);
	}

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

	// No test that errors suggest no field names: graphql-java never suggests any ("Field 'usr' in type
	// 'Query' is undefined", with the switch on or off), so such a test could not fail.

	@Test
	void queriesStillWork() {
		Account ada = register("ada");
		as(ada.token()).document("{ me { id username } user(username: \"ada\") { username } }").execute()
			.errors().verify()
			.path("me.id").entity(String.class).isEqualTo(ada.id())
			.path("me.username").entity(String.class).isEqualTo("ada")
			.path("user.username").entity(String.class).isEqualTo("ada");
	}

}
