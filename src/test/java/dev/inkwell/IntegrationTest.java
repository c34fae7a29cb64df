package dev.inkwell;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the integration tests: the whole server on a random port, driven over HTTP, against
 * real PostgreSQL (found the way the server finds it) in its own database ({@code inkwell_test}, or
 * {@code INKWELL_TEST_DB}), emptied before each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "inkwell.database.name=${INKWELL_TEST_DB:inkwell_test}",
				// A busy machine (two cores, several builds) can take longer than the defaults to open
				// a connection (2 s) or to write test data in bulk (5 s); no test here is about a full
				// pool or a slow statement (DatabaseFaultsTest is).
				"spring.r2dbc.pool.max-acquire-time=10s", "DB_STATEMENT_TIMEOUT=30s",
				// Bursts of concurrent requests in tests wait for admission rather than be shed on a
				// busy machine; AdmissionTest sets its own, small limits.
				"inkwell.admission.queue-timeout=60s",
				// Tests write rows straight into the tables (Content, TRUNCATE), which no mutation
				// invalidates: the response cache would serve what they replaced. The cache's own tests
				// (edge/cache) turn it on.
				"inkwell.cache.response-cache=false" })
@AutoConfigureHttpGraphQlTester
// Generous: on a busy machine (2 cores shared by several builds) one BCrypt hash can take seconds.
@AutoConfigureWebTestClient(timeout = "60s")
@Import(StatementCounter.Configuration.class)
public abstract class IntegrationTest {

	protected static final String PASSWORD = "correct-horse-battery";

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	protected HttpGraphQlTester graphQl;

	@Autowired
	protected DatabaseClient db;

	@Autowired
	protected WebTestClient http;

	@Autowired
	protected StatementCounter statements;

	/** Five seconds, the testers' default, is too short for a first request on a busy machine. */
	@BeforeEach
	void patientClients() {
		this.graphQl = this.graphQl.mutate()
			.webTestClient((client) -> client.responseTimeout(PATIENCE))
			.responseTimeout(PATIENCE)
			.build();
		this.http = this.http.mutate().responseTimeout(PATIENCE).build();
	}

	@BeforeEach
	void emptyDatabase() {
		SchemaDamage.repairOnce(this.db);
		this.db.sql("TRUNCATE users, posts, comments, tags, post_tags, login_attempts RESTART IDENTITY CASCADE").then().block();
	}

	/** The tester, sending the given access token. */
	protected HttpGraphQlTester as(String token) {
		return this.graphQl.mutate().headers((headers) -> headers.setBearerAuth(token)).build();
	}

	/** Registers a user through the API and returns its id and token. */
	protected Account register(String username) {
		GraphQlTester.Response response = this.graphQl.documentName("register")
			.variable("input", Map.of("username", username, "email", username + "@example.com", "password", PASSWORD))
			.execute();
		return new Account(response.path("register.user.id").entity(String.class).get(),
				response.path("register.token").entity(String.class).get());
	}

	/** Asserts that the response failed with exactly one error of the given classification and field. */
	protected static ResponseError singleError(GraphQlTester.Response response, String classification, String field) {
		ResponseError[] found = new ResponseError[1];
		response.errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertError(errors.get(0), classification, field);
			found[0] = errors.get(0);
		});
		return found[0];
	}

	protected static void assertError(ResponseError error, String classification, String field) {
		assertThat(error.getExtensions()).containsEntry("classification", classification);
		if (field != null) {
			assertThat(error.getExtensions()).containsEntry("field", field);
		}
		else {
			assertThat(error.getExtensions()).doesNotContainKey("field");
		}
		assertThat(error.getMessage()).doesNotContainIgnoringCase("exception").doesNotContain("SQL");
	}

	protected static List<String> fields(List<ResponseError> errors) {
		return errors.stream().map((error) -> String.valueOf(error.getExtensions().get("field"))).toList();
	}

	public record Account(String id, String token) {
	}

}
