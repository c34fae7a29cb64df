package dev.inkwell;

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
		// Bursts of concurrent requests in tests wait for admission rather than be shed on a busy
		// machine; AdmissionTest sets its own, small limits.
		properties = { "inkwell.database.name=${INKWELL_TEST_DB:inkwell_test}", "inkwell.admission.queue-timeout=60s" })
@AutoConfigureHttpGraphQlTester
@AutoConfigureWebTestClient
@Import(StatementCounter.Configuration.class)
public abstract class IntegrationTest {

	protected static final String PASSWORD = "correct-horse-battery";

	@Autowired
	protected HttpGraphQlTester graphQl;

	@Autowired
	protected DatabaseClient db;

	@Autowired
	protected WebTestClient http;

	@Autowired
	protected StatementCounter statements;

	@BeforeEach
	void emptyDatabase() {
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
