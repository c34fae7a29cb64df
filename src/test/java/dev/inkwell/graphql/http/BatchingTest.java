package dev.inkwell.graphql.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.inkwell.Content;
import dev.inkwell.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

import static dev.inkwell.edge.EdgeTesting.patient;
import static dev.inkwell.edge.EdgeTesting.sha256;
import static org.assertj.core.api.Assertions.assertThat;

/** A JSON array of operations in one POST, as Apollo's BatchHttpLink sends it. */
class BatchingTest extends IntegrationTest {

	static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void answersAnArrayInOrderAndAFailingOperationDoesNotFailItsNeighbours() {
		register("ada");
		JsonNode results = batch(List.of(
				Map.of("query", "query A($name: String) { user(username: $name) { username } }", "variables",
						Map.of("name", "ada")),
				Map.of("query", "{ nope }"),
				Map.of("query", "{ posts(first: 1000) { nodes { id } } }"),
				Map.of("query", "{ users { totalCount } }")));
		assertThat(results.size()).isEqualTo(4);
		assertThat(results.get(0).at("/data/user/username").asString()).isEqualTo("ada");
		assertThat(results.get(1).at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
		assertThat(results.get(1).has("data")).isFalse();
		assertThat(results.get(2).at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
		assertThat(results.get(3).at("/data/users/totalCount").asInt()).isEqualTo(1);
	}

	@Test
	void everyOperationIsCheckedAgainstTheOperationLimits() {
		String deep = "{ posts { nodes { author { posts { nodes { author { posts { nodes { author { posts { nodes "
				+ "{ author { username } } } } } } } } } } } } }";
		JsonNode results = batch(List.of(Map.of("query", "{ users { totalCount } }"), Map.of("query", deep)));
		assertThat(results.get(0).at("/data/users/totalCount").asInt()).isZero();
		assertThat(results.get(1).at("/errors/0/extensions/limit").asString()).as(results.toString()).isIn("depth", "cost");
		assertThat(results.get(1).has("data")).isFalse();
	}

	@Test
	void aBatchWithAnUnreadableElementIsRefusedWholeAndNothingRuns() {
		String register = "mutation { register(input: {username: \"eve\", email: \"eve@example.com\", password: \"" + PASSWORD
				+ "\"}) { token } }";
		for (Object broken : List.of(1, Map.of("variables", Map.of()), Map.of("query", 7),
				Map.of("query", "{ me { id } }", "variables", List.of()))) {
			patient(this.http).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(json.writeValueAsString(List.of(Map.of("query", register), broken)))
				.exchange()
				.expectStatus().isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST")
				.jsonPath("$.errors[0].message").value((String message) -> assertThat(message).contains("Operation 1"));
		}
		patient(this.http).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue("[]")
			.exchange().expectStatus().isBadRequest();
		assertThat(this.db.sql("SELECT count(*) FROM users").map((row) -> row.get(0, Long.class)).one().block()).isZero();
	}

	@Test
	void persistedQueryHashesWorkInsideABatch() {
		register("ada");
		String query = "{ users { nodes { username } } }";
		Map<String, Object> hashOnly = Map.of("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash",
				sha256(query))));
		JsonNode first = batch(List.of(hashOnly));
		assertThat(first.get(0).at("/errors/0/extensions/code").asString()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
		Map<String, Object> registering = Map.of("query", query, "extensions", hashOnly.get("extensions"));
		JsonNode second = batch(List.of(Map.of("query", "{ users { totalCount } }"), registering));
		assertThat(second.get(1).at("/data/users/nodes/0/username").asString()).as(second.toString()).isEqualTo("ada");
		JsonNode third = batch(List.of(hashOnly, Map.of("query", "{ users { totalCount } }"), hashOnly));
		assertThat(third.get(0).at("/data/users/nodes/0/username").asString()).as(third.toString()).isEqualTo("ada");
		assertThat(third.get(1).at("/data/users/totalCount").asInt()).isEqualTo(1);
		assertThat(third.get(2).at("/data/users/nodes/0/username").asString()).isEqualTo("ada");
		Map<String, Object> wrongHash = Map.of("query", "{ users { totalCount } }", "extensions", hashOnly.get("extensions"));
		JsonNode fourth = batch(List.of(wrongHash, Map.of("query", "{ users { totalCount } }")));
		assertThat(fourth.get(0).at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
		assertThat(fourth.get(1).at("/data/users/totalCount").asInt()).isEqualTo(1);
	}

	@Test
	void aStoredMutationSentByHashAloneRunsInItsPlace() {
		Account ada = register("ada");
		String mutation = "mutation Bio($bio: String) { updateMe(input: {bio: $bio}) { bio } }";
		Map<String, Object> persisted = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", sha256(mutation)));
		JsonNode registered = batch(ada, List.of(Map.of("query", mutation, "variables", Map.of("bio", "one"), "extensions",
				persisted)));
		assertThat(registered.get(0).at("/data/updateMe/bio").asString()).as(registered.toString()).isEqualTo("one");
		Map<String, Object> read = Map.of("query", "{ me { bio } }");
		JsonNode results = batch(ada, List.of(read, Map.of("variables", Map.of("bio", "two"), "extensions", persisted), read));
		assertThat(results.get(0).at("/data/me/bio").asString()).as(results.toString()).isEqualTo("one");
		assertThat(results.get(1).at("/data/updateMe/bio").asString()).isEqualTo("two");
		assertThat(results.get(2).at("/data/me/bio").asString()).isEqualTo("two");
	}

	@Test
	void theQueriesOfABatchSeeWhatTheirViewerMaySee() {
		Account bob = register("bob");
		long bobId = this.db.sql("SELECT id FROM users WHERE username = 'bob'").map((row) -> row.get(0, Long.class)).one().block();
		String draft = Content.id("Post", new Content(this.db).post(bobId, "Draft", false));
		List<Map<String, Object>> operations = List.of(
				Map.of("query", "query D($id: ID!) { post(id: $id) { title author { username email } } }", "variables",
						Map.of("id", draft)),
				Map.of("query", "{ posts { totalCount nodes { title author { username } } } }"),
				Map.of("query", "{ me { username } }"));
		JsonNode asBob = batch(bob, operations);
		assertThat(asBob.get(0).at("/data/post/author/email").asString()).as(asBob.toString()).isEqualTo("bob@example.com");
		assertThat(asBob.get(1).at("/data/posts/totalCount").asInt()).isEqualTo(1);
		assertThat(asBob.get(2).at("/data/me/username").asString()).isEqualTo("bob");
		JsonNode anonymous = batch(operations);
		assertThat(anonymous.get(0).at("/data/post").isNull()).as(anonymous.toString()).isTrue();
		assertThat(anonymous.get(1).at("/data/posts/totalCount").asInt()).isZero();
		assertThat(anonymous.get(2).at("/data/me").isNull()).isTrue();
	}

	@Test
	void mutationsRunInOrder() {
		String register = "mutation { register(input: {username: \"bob\", email: \"bob@example.com\", password: \"" + PASSWORD
				+ "\"}) { user { username } } }";
		String login = "mutation { login(input: {login: \"bob\", password: \"" + PASSWORD + "\"}) { user { username } } }";
		JsonNode results = batch(List.of(Map.of("query", register), Map.of("query", login)));
		assertThat(results.get(0).at("/data/register/user/username").asString()).as(results.toString()).isEqualTo("bob");
		assertThat(results.get(1).at("/data/login/user/username").asString()).as(results.toString()).isEqualTo("bob");
	}

	@Test
	void moreOperationsThanTheLimitAreRefusedAndNothingRuns() {
		List<Map<String, Object>> eleven = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			eleven.add(Map.of("query", "mutation { register(input: {username: \"u" + i + "\", email: \"u" + i
					+ "@example.com\", password: \"" + PASSWORD + "\"}) { token } }"));
		}
		patient(this.http).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(json.writeValueAsString(eleven))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message").value((String message) -> assertThat(message).contains("1 to 10"))
			.jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST")
			.jsonPath("$.errors[0].extensions.limit").isEqualTo("batchSize");
		assertThat(this.db.sql("SELECT count(*) FROM users").map((row) -> row.get(0, Long.class)).one().block()).isZero();
	}

	@Test
	void everyLoginOfABatchCountsAgainstTheRateLimit() {
		register("cyd");
		List<Map<String, Object>> logins = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			logins.add(Map.of("query", "mutation { login(input: {login: \"cyd\", password: \"wrong-password-" + i
					+ "\"}) { token } }"));
		}
		JsonNode results = batch(logins);
		assertThat(results.size()).isEqualTo(10);
		JsonNode next = batch(List.of(Map.of("query", "mutation { login(input: {login: \"cyd\", password: \"" + PASSWORD
				+ "\"}) { token } }")));
		assertThat(next.get(0).at("/errors/0/extensions/code").asString()).isEqualTo("RATE_LIMITED");
	}

	@Test
	void theBatchsTotalCostIsCheckedAgainstTheCostLimit() {
		String expensive = "{ posts(first: 100) { nodes { comments(first: 6) { nodes { id content createdAt updatedAt } } } } }";
		JsonNode results = batch(List.of(Map.of("query", expensive), Map.of("query", expensive),
				Map.of("query", "{ users { totalCount } }")));
		long cost = results.get(0).at("/extensions/cost/requested").asLong();
		assertThat(cost).isBetween(2501L, 5000L);
		assertThat(results.get(0).has("data")).isTrue();
		assertThat(results.get(1).at("/errors/0/extensions/limit").asString()).isEqualTo("batchCost");
		assertThat(results.get(1).has("data")).isFalse();
		// A cheap operation after it still fits what is left.
		assertThat(results.get(2).at("/data/users/totalCount").asInt()).isZero();
	}

	@Test
	void operationsAfterAMutationReadWhatItWrote() {
		Account ada = register("ada");
		long adaId = this.db.sql("SELECT id FROM users WHERE username = 'ada'").map((row) -> row.get(0, Long.class)).one().block();
		String post = Content.id("Post", new Content(this.db).post(adaId, "Mine", true));
		Map<String, Object> read = Map.of("query", "query P($id: ID!) { post(id: $id) { author { bio } } }", "variables",
				Map.of("id", post));
		JsonNode results = batch(ada, List.of(read, Map.of("query", "mutation { updateMe(input: {bio: \"new\"}) { bio } }"),
				read));
		assertThat(results.get(0).at("/data/post/author/bio").isNull()).isTrue();
		assertThat(results.get(1).at("/data/updateMe/bio").asString()).isEqualTo("new");
		assertThat(results.get(2).at("/data/post/author/bio").asString()).isEqualTo("new");
	}

	private JsonNode batch(List<Map<String, Object>> operations) {
		return batch(null, operations);
	}

	/** Posts the operations as one batch, signed in as the account (or anonymous), and answers the results. */
	private JsonNode batch(Account account, List<Map<String, Object>> operations) {
		return patient(this.http).post().uri("/graphql")
			.headers((headers) -> {
				if (account != null) {
					headers.setBearerAuth(account.token());
				}
			})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json.writeValueAsString(operations))
			.exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody(JsonNode.class).returnResult().getResponseBody();
	}

}
