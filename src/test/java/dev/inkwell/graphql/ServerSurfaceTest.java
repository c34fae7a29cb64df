package dev.inkwell.graphql;

import dev.inkwell.IntegrationTest;
import dev.inkwell.graphql.execution.SchemaInspection;
import graphql.introspection.Introspection;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** What a newcomer touches besides queries: schema, GraphiQL, health. */
class ServerSurfaceTest extends IntegrationTest {

	@Autowired
	SchemaInspection schemaInspection;

	@Test
	void everySchemaFieldIsMappedAndEveryMappingIsInTheSchema() {
		SchemaReport report = this.schemaInspection.report();
		assertThat(report).as("schema report").isNotNull();
		assertThat(report.unmappedFields()).isEmpty();
		assertThat(report.unmappedRegistrations()).isEmpty();
		assertThat(report.unmappedArguments()).isEmpty();
		assertThat(report.skippedTypes()).isEmpty();
		assertThat(report.fieldNullnessErrors()).isEmpty();
		assertThat(report.argumentNullnessErrors()).isEmpty();
	}

	@Autowired
	Environment environment;

	/** The control of ProductionSwitchTest's refusal: by default introspection answers. */
	@Test
	void introspectionAnswersByDefault() {
		// graphql-java's switch is JVM-wide and Spring Boot only ever turns it off, so the context of
		// ProductionSwitchTest may have turned it off for this one too: set it as this context's
		// configuration says.
		Introspection.enabledJvmWide(this.environment
			.getRequiredProperty("spring.graphql.schema.introspection.enabled", Boolean.class));
		this.graphQl.document("{ __schema { queryType { name } types { name } } }").execute()
			.errors().verify()
			.path("__schema.queryType.name").entity(String.class).isEqualTo("Query")
			.path("__schema.types[*].name").entityList(String.class).contains("Post", "User", "Comment", "Tag");
	}

	@Test
	void schemaIsPrinted() {
		String schema = this.http.get().uri("/graphql/schema").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(schema).contains("type User implements Node").contains("register(input: RegisterInput!)");
	}

	@Test
	void graphiqlIsServedWithLocalAssetsOnly() {
		String page = this.http.get().uri("/graphiql").exchange().expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).doesNotContain("http://").doesNotContain("https://").contains("headerEditorEnabled: true")
			.contains("defaultQuery");
		for (String asset : new String[] { "/webjars/graphiql/graphiql.min.js", "/webjars/graphiql/graphiql.min.css",
				"/webjars/react/umd/react.production.min.js", "/webjars/react-dom/umd/react-dom.production.min.js" }) {
			assertThat(page).contains(asset);
			this.http.get().uri(asset).exchange().expectStatus().isOk();
		}
	}

	@Test
	void livenessAndReadinessIncludingTheDatabaseAreUp() {
		this.http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("UP");
		this.http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components.r2dbc.status").isEqualTo("UP");
	}

}
