package dev.inkwell.graphql;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.inkwell.Content;
import dev.inkwell.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relation is batched: the statements one request executes do not grow with the page size.
 * The statement counts asserted here are what the batching design gives; a change that makes
 * them grow is an N+1 regression.
 */
class StatementCountTest extends IntegrationTest {

	static final JsonMapper json = JsonMapper.builder().build();

	static final String FEED = """
			query feed($first: Int) {
			  posts(first: $first) {
			    totalCount
			    pageInfo { hasNextPage endCursor }
			    edges { cursor node {
			      id title
			      author { id username }
			      tags { id name }
			      commentCount
			      comments(first: 10, orderBy: { direction: DESC }) { nodes { id content author { id username } } }
			    } }
			  }
			}""";

	Content content;

	List<Long> users = new ArrayList<>();

	List<Long> posts = new ArrayList<>();

	List<Long> tags = new ArrayList<>();

	@BeforeEach
	void seed() {
		this.content = new Content(this.db);
		for (int i = 0; i < 6; i++) {
			this.users.add(this.content.user("user" + i));
		}
		for (int i = 0; i < 4; i++) {
			this.tags.add(this.content.tag("tag" + i));
		}
		OffsetDateTime start = OffsetDateTime.parse("2026-01-01T00:00:00Z");
		for (int i = 0; i < 60; i++) {
			long post = this.content.post(this.users.get(i % 6), "Post " + i, "Body " + i, i % 10 != 9,
					start.plusMinutes(i));
			this.posts.add(post);
			this.content.tagPost(post, this.tags.get(i % 4), this.tags.get((i + 1) % 4));
		}
		// 12 comments on every post, by rotating authors, a second apart
		this.db.sql("""
				INSERT INTO comments (content, post_id, author_id, created_at, updated_at)
				SELECT 'Comment ' || c, p.id, (SELECT id FROM users ORDER BY id OFFSET (p.id + c) % 6 LIMIT 1),
				       p.created_at + c * interval '1 second', p.created_at
				FROM posts p, generate_series(0, 11) AS c""").then().block();
	}

	@Test
	void theFeedCostsTheSameFewStatementsForFiveAndFiftyPosts() {
		List<String> five = statementsOf(this.graphQl.document(FEED).variable("first", 5));
		List<String> fifty = statementsOf(this.graphQl.document(FEED).variable("first", 50));
		assertThat(withoutUsers(fifty)).as("statements for 50 posts").hasSize(withoutUsers(five).size());
		// posts, totalCount, Post.tags, commentCount, comments (one window statement), and the posts'
		// and the comments' authors (Post.author and Comment.author share their loader)
		assertThat(withoutUsers(fifty)).hasSize(5);
		assertThat(fifty).filteredOn(StatementCountTest::loadsUsers).hasSizeBetween(1, authorStatementsAtMost());
		assertThat(five).filteredOn(StatementCountTest::loadsUsers).hasSizeBetween(1, authorStatementsAtMost());
		assertThat(fifty).filteredOn((sql) -> sql.contains("row_number() OVER")).hasSize(1);
		assertThat(fifty).filteredOn((sql) -> sql.contains("GROUP BY") && sql.contains("FROM comments")).hasSize(1);
	}

	@Test
	void theFeedWithoutTotalCountSkipsTheCount() {
		List<String> statements = statementsOf(this.graphQl.document(FEED.replace("totalCount", "")).variable("first", 50));
		assertThat(withoutUsers(statements)).hasSize(4)
			.noneMatch((sql) -> sql.contains("count(*)") && sql.contains("FROM posts"));
	}

	/**
	 * The feed's author statements. The planned engine loads the posts' authors with the next
	 * level, their comments' authors, so both are one statement; graphql-java's dispatch merges them
	 * only when the two levels' loads happen to wait for dispatch together.
	 */
	int authorStatementsAtMost() {
		return 1;
	}

	private static List<String> withoutUsers(List<String> statements) {
		return statements.stream().filter((sql) -> !loadsUsers(sql)).toList();
	}

	@Test
	void thePostPageCostsTheSameStatementsForAnyNumberOfComments() {
		String query = """
				query page($id: ID!, $first: Int) {
				  post(id: $id) {
				    title content
				    author { username postCount }
				    tags { name postCount }
				    commentCount
				    comments(first: $first) { totalCount pageInfo { hasNextPage endCursor } nodes { content author { username } } }
				  }
				}""";
		String post = Content.id("Post", this.posts.get(0));
		List<String> two = statementsOf(this.graphQl.document(query).variable("id", post).variable("first", 2));
		List<String> statements = statementsOf(this.graphQl.document(query).variable("id", post).variable("first", 12));
		assertThat(statements).hasSize(two.size());
		// post, author, tags, comment count (shared by commentCount and totalCount), comments,
		// author's postCount, tags' postCount (one for all tags), comment authors
		assertThat(statements).hasSize(8);
		assertThat(statements).filteredOn((sql) -> sql.contains("FROM comments c WHERE c.post_id") && sql.contains("GROUP BY")).hasSize(1);
	}

	@Test
	void theTagPageCostsTheSameStatementsForAnyPageSize() {
		String query = """
				query tagPage($first: Int) {
				  tags(first: 10, orderBy: { field: POST_COUNT, direction: DESC }) {
				    totalCount
				    nodes { name postCount posts(first: $first) { totalCount nodes { title author { username } tags { name } commentCount } } }
				  }
				}""";
		List<String> small = statementsOf(this.graphQl.document(query).variable("first", 2));
		List<String> large = statementsOf(this.graphQl.document(query).variable("first", 30));
		assertThat(large).hasSize(small.size());
		// tags, tags' totalCount, postCount (shared with posts' totalCount), posts (window), authors, tags, commentCount
		assertThat(large).hasSize(7);
	}

	@Test
	void postsFilteredByTagCostTheSameStatementsForAnyPageSize() {
		String query = """
				query tagged($first: Int) {
				  posts(first: $first, filter: { tags: ["tag0", "TAG1"] }) { nodes { title author { username } tags { name } } }
				}""";
		List<String> small = statementsOf(this.graphQl.document(query).variable("first", 2));
		List<String> large = statementsOf(this.graphQl.document(query).variable("first", 30));
		assertThat(large).hasSize(small.size());
		// the tags' ids (so that the posts statement is planned with them), posts, authors, tags
		assertThat(large).hasSize(4);
		assertThat(large).filteredOn((sql) -> sql.contains("tp.tag_id = ANY")).hasSize(1);
	}

	@Test
	void nodesCostOneStatementPerTypeWhateverTheNumberOfIds() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			ids.add(Content.id("Post", this.posts.get(i)));
			ids.add(Content.id("User", this.users.get(i % 6)));
		}
		ids.add(Content.id("Tag", this.tags.get(0)));
		ids.add(Content.id("Comment", 1));
		String query = "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Post { title author { username } } } }";
		List<String> statements = statementsOf(this.graphQl.document(query).variable("ids", ids));
		// posts, users, tags, comments, Post.author
		assertThat(statements).hasSize(5);
		List<String> fewer = statementsOf(this.graphQl.document(query).variable("ids", ids.subList(0, 4)));
		// posts, users, Post.author
		assertThat(fewer).hasSize(3);
	}

	@Test
	void theQueriesOfABatchShareTheirBatchLoaders() {
		String latest = "{ posts(first: 5) { nodes { title author { username } } } }";
		String one = "query One($id: ID!) { post(id: $id) { title author { username } } }";
		String bySlug = "query BySlug($slug: String!) { post(slug: $slug) { title author { username } } }";
		Map<String, Object> oneVariables = Map.of("id", Content.id("Post", this.posts.get(0)));
		Map<String, Object> someVariables = Map.of("slug", this.db.sql("SELECT slug FROM posts WHERE id = :id")
			.bind("id", this.posts.get(13))
			.map((row) -> row.get(0, String.class))
			.one()
			.block());
		List<String> alone = new ArrayList<>();
		alone.addAll(statementsOf(this.graphQl.document(latest)));
		alone.addAll(statementsOf(this.graphQl.document(one).variables(oneVariables)));
		alone.addAll(statementsOf(this.graphQl.document(bySlug).variables(someVariables)));
		this.statements.reset();
		JsonNode results = this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json.writeValueAsString(List.of(Map.of("query", latest),
					Map.of("query", one, "variables", oneVariables), Map.of("query", bySlug, "variables", someVariables))))
			.exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
		List<String> together = this.statements.statements();
		// Three statements for the three root fields, and the three operations' authors in one. (Keys
		// are shared by what the operations want at the same time: a relation one of them reaches a
		// loader level later, as under nodes(ids:), would be a statement of its own.)
		assertThat(alone).as(alone.toString()).hasSize(6).filteredOn(StatementCountTest::loadsUsers).hasSize(3);
		assertThat(together).as(together.toString()).hasSize(4).filteredOn(StatementCountTest::loadsUsers).hasSize(1);
		assertThat(results.get(0).at("/data/posts/nodes").size()).isEqualTo(5);
		assertThat(results.get(0).at("/data/posts/nodes/0/author/username").asString()).startsWith("user");
		assertThat(results.get(1).at("/data/post/author/username").asString()).isEqualTo("user0");
		assertThat(results.get(2).at("/data/post/author/username").asString()).isEqualTo("user1");
	}

	private static boolean loadsUsers(String sql) {
		return sql.contains("FROM users");
	}

	private List<String> statementsOf(GraphQlTester.Request<?> request) {
		this.statements.reset();
		request.execute().errors().verify();
		return this.statements.statements();
	}

}
