package dev.inkwell.observability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.inkwell.Content;
import dev.inkwell.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus metrics per GraphQL operation, read back from /actuator/prometheus: each figure is
 * compared before and after the requests that should move it (the context, and so the registry,
 * is shared with other test classes).
 */
class OperationMetricsTest extends IntegrationTest {

	private static final String FEED = """
			query Feed { posts(first: 5) { totalCount nodes { title author { username } tags { name }
			  commentCount comments(first: 3) { nodes { content author { username } } } } } }""";

	@Test
	void anOperationIsTimedByNameTypeAndOutcomeWithItsCostAndStatements() {
		seed();
		PrometheusScrape before = scrape();
		this.statements.reset();
		Map<String, Object> body = post(Map.of("query", FEED, "operationName", "Feed"));
		int statements = this.statements.statements().size();
		long cost = ((Number) ((Map<?, ?>) ((Map<?, ?>) body.get("extensions")).get("cost")).get("requested"))
			.longValue();
		PrometheusScrape after = scrape();

		String[] feed = { "operation", "Feed", "type", "query" };
		assertThat(delta(before, after, "inkwell_graphql_operation_seconds_count", "operation", "Feed", "type",
				"query", "outcome", "success")).isEqualTo(1);
		// a histogram: the buckets of the operation timer are there
		assertThat(after.matching("inkwell_graphql_operation_seconds_bucket", feed)).hasSizeGreaterThan(5);
		assertThat(delta(before, after, "inkwell_graphql_operation_cost_sum", feed)).isEqualTo(cost);
		assertThat(statements).isGreaterThan(3);
		assertThat(delta(before, after, "inkwell_graphql_operation_statements_sum", feed)).isEqualTo(statements);
		// nothing per field: no data fetcher observation, no field name as a tag
		assertThat(after.samples()).noneMatch((sample) -> sample.name().contains("datafetcher"));
		assertThat(after.samples()).noneMatch((sample) -> sample.labels().containsValue("commentCount"));
	}

	@Test
	void errorsAreCountedByClassificationAndOutcome() {
		PrometheusScrape before = scrape();
		post(Map.of("query", "query Missing { post(slug: \"nope\") { title } user(id: \"bad-id\") { id } }"));
		post(Map.of("query", "mutation Nope { deletePost(id: \"UG9zdDox\") }"));
		PrometheusScrape after = scrape();
		assertThat(delta(before, after, "inkwell_graphql_errors_total", "operation", "Missing", "classification",
				"BAD_REQUEST")).isEqualTo(1);
		assertThat(delta(before, after, "inkwell_graphql_errors_total", "operation", "Nope", "type", "mutation",
				"classification", "UNAUTHORIZED")).isEqualTo(1);
		assertThat(delta(before, after, "inkwell_graphql_operation_seconds_count", "operation", "Nope", "outcome",
				"failure")).isEqualTo(1);
	}

	@Test
	void loginFailuresAndRateLimitRefusalsAreCounted() {
		new Content(this.db).user("ada");   // whose password hash nothing matches
		PrometheusScrape before = scrape();
		String login = "mutation { login(input: { login: \"ada\", password: \"wrong-password\" }) { token } }";
		for (int i = 0; i < 12; i++) {
			post(Map.of("query", login));
		}
		PrometheusScrape after = scrape();
		// LOGIN_ATTEMPTS_PER_MINUTE is 10: ten wrong passwords, then refusals
		assertThat(delta(before, after, "inkwell_auth_login_failures_total")).isEqualTo(10);
		assertThat(delta(before, after, "inkwell_rate_limited_total")).isEqualTo(2);
	}

	@Test
	void operationNamesAreBoundedToValidatedOnes() {
		// a document that does not validate: its name never becomes a tag
		post(Map.of("query", "query Invented_Name_1 { nosuchfield }"));
		for (int i = 0; i < 110; i++) {
			post(Map.of("query", "query Many" + i + " { me { id } }"));
		}
		PrometheusScrape after = scrape();
		Set<String> names = after.matching("inkwell_graphql_operation_seconds_count")
			.stream()
			.map((sample) -> sample.labels().get("operation"))
			.collect(Collectors.toSet());
		assertThat(names).doesNotContain("Invented_Name_1").contains("unknown", "other");
		// at most 100 names of operations, and the two catch-alls
		assertThat(names).hasSizeLessThanOrEqualTo(102);
		assertThat(after.value("inkwell_graphql_operation_seconds_count", "operation", "other")).isPositive();
	}

	@Test
	void theConnectionPoolIsMeasured() {
		post(Map.of("query", "{ posts(first: 1) { totalCount } }"));
		PrometheusScrape after = scrape();
		assertThat(after.samples().stream().map(PrometheusScrape.Sample::name).collect(Collectors.toSet()))
			.contains("r2dbc_pool_acquired_connections", "r2dbc_pool_pending_connections",
					"r2dbc_pool_idle_connections", "r2dbc_pool_max_allocated_connections");
		assertThat(after.value("inkwell_db_connection_acquire_seconds_count", "outcome", "acquired")).isPositive();
		assertThat(after.matching("inkwell_db_connection_acquire_seconds_bucket")).hasSizeGreaterThan(5);
		// Statements are observed one by one only for tracing (TracingTest): not on the feed's path otherwise.
		assertThat(after.matching("r2dbc_query_seconds_count")).isEmpty();
	}

	private void seed() {
		Content content = new Content(this.db);
		long author = content.user("writer");
		long tag = content.tag("news");
		for (int i = 0; i < 3; i++) {
			content.tagPost(content.post(author, "Post " + i, true), tag);
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> post(Map<String, Object> body) {
		return patient().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
			.bodyValue(body).exchange()
			.expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
	}

	private PrometheusScrape scrape() {
		return PrometheusScrape.parse(patient().get().uri("/actuator/prometheus").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody());
	}

	/** The client, with room for BCrypt and a cold server on a busy machine. */
	private WebTestClient patient() {
		return this.http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	private static double delta(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
		return after.value(name, labels) - before.value(name, labels);
	}

}
