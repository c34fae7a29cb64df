package dev.inkwell.graphql.limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.inkwell.Content;
import dev.inkwell.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operation limits against the real schema: the queries they exist for are refused before
 * any SQL runs, and the query a feed really sends gets through.
 */
class SchemaLimitsTest extends IntegrationTest {

	private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	private static final String COMMENT_BOMB = "{ posts(first: 100) { nodes { comments(first: 100) { nodes { id } } } } }";

	private static final String COMMENT_BOMB_WITH_VARIABLES = """
			query Bomb($n: Int) {
			  posts(first: $n) { nodes { comments(first: $n) { nodes { id } } } }
			}""";

	/** The benchmark's feed query: it must stay valid and inside the cost budget. */
	private static final Path FEED = Path.of("bench", "queries", "posts-nested.graphql");

	@Test
	void aDepthBombIsRefusedWithoutSql() {
		// posts(1) nodes(2) author(3), and so on: four hops put 'id' at depth 13.
		String hop = "posts(first: 1) { nodes { author { %s } } }";
		String query = "id";
		for (int i = 0; i < 4; i++) {
			query = hop.formatted(query);
		}
		this.statements.reset();
		refused(post(Map.of("query", "{ " + query + " }")), "depth", 13, 12);
		assertThat(this.statements.statements()).isEmpty();
	}

	@Test
	void nestedPagesAreCostedByTheirSizesWithoutSql() {
		this.statements.reset();
		long literal = refused(post(Map.of("query", COMMENT_BOMB)), "cost", null, 5000);
		Map<String, Object> request = new HashMap<>();
		request.put("query", COMMENT_BOMB_WITH_VARIABLES);
		request.put("variables", Map.of("n", 100));
		long variable = refused(post(request), "cost", null, 5000);
		assertThat(variable).isEqualTo(literal).isGreaterThan(5000);
		assertThat(this.statements.statements()).isEmpty();
		// Smaller pages of the same shape are fine: the cost follows first, it is not the shape that is refused.
		request.put("variables", Map.of("n", 10));
		post(request).expectStatus().isOk().expectBody().jsonPath("$.errors").doesNotExist()
			.jsonPath("$.extensions.cost.requested").value((Integer cost) -> assertThat(cost).isBetween(100, 5000));
	}

	@Test
	void withATokenOnlyTheAuthenticationLookupRunsBeforeARefusal() {
		Account ada = register("ada");
		this.statements.reset();
		this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(GRAPHQL_RESPONSE)
			.headers((headers) -> headers.setBearerAuth(ada.token()))
			.bodyValue(Map.of("query", COMMENT_BOMB))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].extensions.limit").isEqualTo("cost");
		assertThat(this.statements.statements()).hasSize(1).allSatisfy((sql) -> assertThat(sql).containsIgnoringCase("users"));
	}

	@Test
	void theBenchmarkFeedQueryIsAccepted() throws IOException {
		Content content = new Content(this.db);
		long ada = content.user("ada");
		long post = content.post(ada, "Hello", true);
		content.comment(post, ada, "First");
		content.tagPost(post, content.tag("java"));
		post(Map.of("query", Files.readString(FEED))).expectStatus().isOk()
			.expectBody()
			.jsonPath("$.errors").doesNotExist()
			.jsonPath("$.data.posts.nodes[0].comments.nodes[0].author.username").isEqualTo("ada")
			.jsonPath("$.data.posts.nodes[0].tags[0].name").isEqualTo("java")
			.jsonPath("$.extensions.cost.maximum").isEqualTo(5000)
			.jsonPath("$.extensions.cost.requested").value((Integer cost) -> assertThat(cost).isBetween(2500, 4999));
	}

	@Test
	void moreThanAHundredIdsAreRefusedWithoutSql() {
		List<String> ids = IntStream.rangeClosed(1, 101).mapToObj((i) -> Content.id("Post", i)).toList();
		this.statements.reset();
		GraphQlTester.Response response = this.graphQl.document("query($ids: [ID!]!) { nodes(ids: $ids) { id } }")
			.variable("ids", ids)
			.execute();
		assertThat(singleError(response, "BAD_REQUEST", "ids").getMessage()).contains("100").contains("101");
		assertThat(this.statements.statements()).isEmpty();
		this.graphQl.document("query($ids: [ID!]!) { nodes(ids: $ids) { id } }")
			.variable("ids", ids.subList(0, 100))
			.execute()
			.path("nodes").entityList(Object.class).hasSize(100);
	}

	/** Asserts the refusal and returns the reported actual value. */
	private long refused(WebTestClient.ResponseSpec response, String limit, Integer actual, int maximum) {
		long[] reported = new long[1];
		response.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.data").doesNotExist()
			.jsonPath("$.errors.length()").isEqualTo(1)
			.jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST")
			.jsonPath("$.errors[0].extensions.limit").isEqualTo(limit)
			.jsonPath("$.errors[0].extensions.maximum").isEqualTo(maximum)
			.jsonPath("$.errors[0].extensions.actual").value((Number value) -> {
				reported[0] = value.longValue();
				if (actual != null) {
					assertThat(value.longValue()).isEqualTo(actual.longValue());
				}
			})
			.jsonPath("$.errors[0].message").value((String message) -> assertThat(message)
				.contains(Long.toString(reported[0])).contains(Integer.toString(maximum)));
		return reported[0];
	}

	private WebTestClient.ResponseSpec post(Map<String, Object> body) {
		return this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(GRAPHQL_RESPONSE)
			.bodyValue(body).exchange();
	}

}
