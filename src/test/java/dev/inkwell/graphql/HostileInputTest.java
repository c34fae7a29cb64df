package dev.inkwell.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.inkwell.Content;
import dev.inkwell.IntegrationTest;
import dev.inkwell.auth.AccessTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throws hostile and broken requests at the real endpoint. For each: a clear, classified error
 * without internals (or the right answer), the server keeps serving, and the database is unchanged,
 * by row counts and checksums of every table. Valid mutations with unusual text are round-tripped
 * and must write exactly the intended row.
 */
class HostileInputTest extends IntegrationTest {

	private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	private static final JsonMapper json = JsonMapper.builder().build();

	/** Ordering for the checksum of each table: its primary key. */
	private static final Map<String, String> TABLES = Map.of("users", "id", "posts", "id", "comments", "id", "tags",
			"id", "post_tags", "post_id, tag_id");

	private static final String SQL = "'; DROP TABLE posts; --";

	/** What internals look like when they leak: exceptions, class and package names, SQL, stack frames. */
	private static final String LEAKS = "(?is).*(exception|\\bjava\\.|dev\\.inkwell|springframework|jackson|r2dbc"
			+ "|postgres|\\bsql\\b|select\\s.*\\sfrom\\s|insert into|\\n\\s*at\\s).*";

	private Fixture fixture;

	/** What the cases may refer to: a user with a token, and their published post with a tag and a comment. */
	record Fixture(String token, String userId, String postId, String postSlug, String commentId) {
	}

	@Autowired
	private AccessTokens tokens;

	@BeforeEach
	void seed() {
		// Straight into the tables, with a token minted for the user: registering would hash a password per case.
		Content content = new Content(this.db);
		long adaRow = content.user("ada");
		long post = content.post(adaRow, "Hello world", true);
		content.tagPost(post, content.tag("java"));
		long comment = content.comment(post, adaRow, "Nice");
		String slug = this.db.sql("SELECT slug FROM posts WHERE id = :id").bind("id", post)
			.map((row) -> row.get(0, String.class)).one().block();
		this.fixture = new Fixture(this.tokens.issue(adaRow, 0).block().token(), Content.id("User", adaRow), Content.id("Post", post),
				slug, Content.id("Comment", comment));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void hostileRequest(Case hostile) {
		Map<String, String> before = snapshot();
		EntityExchangeResult<byte[]> result = send(hostile.request().apply(this.fixture));
		String body = new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);

		assertThat(result.getStatus().value()).as(body).isEqualTo(hostile.status());
		assertThat(body).as("no internals").doesNotMatch(LEAKS);
		DocumentContext response = JsonPath.parse(body);
		if (hostile.classification() != null) {
			List<Map<String, Object>> errors = response.read("$.errors");
			assertThat(errors).as(body).isNotEmpty();
			assertThat(errors).allSatisfy((error) -> assertThat(error.get("message")).asString().isNotBlank());
			assertThat(response.<Object>read("$.errors[0].extensions.classification")).as(body)
				.isEqualTo(hostile.classification());
			if (hostile.field() != null) {
				assertThat(response.<Object>read("$.errors[0].extensions.field")).as(body).isEqualTo(hostile.field());
			}
		}
		else {
			assertThat(body).doesNotContain("\"errors\"");
		}
		hostile.check().accept(response);

		assertThat(snapshot()).as("database unchanged").isEqualTo(before);
		assertStillServing();
	}

	static Stream<Case> cases() {
		String bigString = "x".repeat(900_000);
		List<String> manyIds = IntStream.range(0, 5_000).mapToObj((i) -> Content.id("Post", i + 1)).toList();
		return Stream.of(
				// Broken HTTP and JSON
				raw("malformed JSON", MediaType.APPLICATION_JSON, "{\"query\": ").refused(400, "BAD_REQUEST"),
				// Batches (a JSON array of requests, see BatchingTest) broken as a whole
				raw("batch of things that are not requests", MediaType.APPLICATION_JSON, "[1, \"x\", null]")
					.refused(400, "BAD_REQUEST"),
				raw("malformed batch JSON", MediaType.APPLICATION_JSON, "[{\"query\": ").refused(400, "BAD_REQUEST"),
				raw("empty batch", MediaType.APPLICATION_JSON, "[]").refused(400, "BAD_REQUEST"),
				raw("batch over LIMIT_BATCH_SIZE", MediaType.APPLICATION_JSON,
						"[" + String.join(",", Collections.nCopies(11, "{\"query\": \"{ me { id } }\"}")) + "]")
					.refused(400, "BAD_REQUEST"),
				raw("batch nested 100,000 deep", MediaType.APPLICATION_JSON, "[".repeat(100_000)).refused(400, "BAD_REQUEST"),
				raw("query is not a string", MediaType.APPLICATION_JSON, "{\"query\": 42}").refused(400, "BAD_REQUEST"),
				raw("variables are not an object", MediaType.APPLICATION_JSON,
						"{\"query\": \"{ me { id } }\", \"variables\": \"x\"}").refused(400, "BAD_REQUEST"),
				raw("empty body", MediaType.APPLICATION_JSON, "").refused(400, "BAD_REQUEST"),
				raw("empty JSON object", MediaType.APPLICATION_JSON, "{}").refused(400, "BAD_REQUEST"),
				raw("invalid UTF-8", MediaType.APPLICATION_JSON,
						new byte[] { '{', '"', 'q', 'u', 'e', 'r', 'y', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' })
					.refused(400, "BAD_REQUEST"),
				raw("JSON nested 100,000 deep", MediaType.APPLICATION_JSON,
						"{\"query\": \"{ me { id } }\", \"variables\": {\"v\": " + "[".repeat(100_000) + "]".repeat(100_000)
								+ "}}")
					.refused(400, "BAD_REQUEST"),
				raw("text/plain", MediaType.TEXT_PLAIN, "{ posts { totalCount } }").refused(415, "BAD_REQUEST"),
				raw("application/xml", MediaType.APPLICATION_XML, "<query>{ posts { totalCount } }</query>")
					.refused(415, "BAD_REQUEST"),
				raw("form-urlencoded", MediaType.APPLICATION_FORM_URLENCODED, "query=%7B%20me%20%7B%20id%20%7D%20%7D")
					.refused(415, "BAD_REQUEST"),
				raw("10 MB body", MediaType.APPLICATION_JSON,
						"{\"query\": \"{ me { id } }\", \"variables\": {\"pad\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}}")
					.refused(413, "BAD_REQUEST"),
				// Operations that must not run
				query("syntax error", "{ posts { totalCount }").refused(400, "BAD_REQUEST"),
				query("unknown operation name", Map.of("query", "query A { posts { totalCount } }", "operationName", "B"))
					.refused(400, "BAD_REQUEST"),
				query("two operations, no operation name",
						Map.of("query", "query A { posts { totalCount } } query B { me { id } }"))
					.refused(400, "BAD_REQUEST"),
				query("depth bomb", "{ " + "posts(first: 1) { nodes { author { ".repeat(10) + "id"
						+ " } } }".repeat(10) + " }")
					.refused(400, "BAD_REQUEST").checking(limit("depth")),
				query("alias bomb", "{ posts { nodes { " + IntStream.range(0, 500).mapToObj((i) -> "a" + i + ": title")
					.collect(Collectors.joining(" ")) + " } } }").refused(400, "BAD_REQUEST").checking(limit("aliases")),
				query("fragment cycle", "{ posts { nodes { ...A } } } fragment A on Post { author { ...B } } "
						+ "fragment B on User { posts { nodes { ...A } } }")
					.refused(400, "BAD_REQUEST"),
				query("fragment fan-out", "{ posts(first: 100) { nodes { ...F0 } } } " + IntStream.range(0, 12)
					.mapToObj((i) -> "fragment F" + i + " on Post { author { posts(first: 100) { nodes { ...F" + (i + 1)
							+ " } } } }")
					.collect(Collectors.joining(" ")) + " fragment F12 on Post { id }")
					.refused(400, "BAD_REQUEST"),
				// Paging arguments
				query("huge first", "{ posts(first: 2147483647) { nodes { id } } }").refused(400, "BAD_REQUEST")
					.checking(limit("cost")),
				query("first beyond Int", "{ posts(first: 99999999999) { nodes { id } } }").refused(400, "BAD_REQUEST"),
				query("first over the page limit", "{ posts(first: 101) { totalCount } }").refused(200, "BAD_REQUEST",
						"first"),
				query("negative first", "{ posts(first: -1) { nodes { id } } }").refused(200, "BAD_REQUEST", "first"),
				query("negative last", "{ posts(last: -5) { nodes { id } } }").refused(200, "BAD_REQUEST", "last"),
				query("negative offset", "{ posts(first: 1, offset: -1) { nodes { id } } }").refused(200, "BAD_REQUEST",
						"offset"),
				query("nested negative first", "{ posts { nodes { comments(first: -1) { totalCount } } } }")
					.refused(200, "BAD_REQUEST", "first"),
				query("zero first", "{ posts(first: 0) { totalCount nodes { id } pageInfo { hasNextPage } } }")
					.handled((response) -> {
						assertThat(response.<List<?>>read("$.data.posts.nodes")).isEmpty();
						assertThat(response.<Integer>read("$.data.posts.totalCount")).isEqualTo(1);
						assertThat(response.<Boolean>read("$.data.posts.pageInfo.hasNextPage")).isTrue();
					}),
				query("first as a string variable",
						Map.of("query", "query($n: Int) { posts(first: $n) { totalCount } }", "variables",
								Map.of("n", "ten")))
					.refused(400, "BAD_REQUEST"),
				query("garbage cursor", "{ posts(after: \"%%%not-a-cursor\") { totalCount } }").refused(200,
						"BAD_REQUEST", "after"),
				// Ids
				query("garbage id", "{ node(id: \"!!!garbage***\") { id } }").refused(200, "BAD_REQUEST", "id"),
				query("truncated id", (f) -> "{ node(id: \"" + f.postId().substring(0, 6) + "\") { id } }")
					.refused(200, "BAD_REQUEST", "id"),
				query("id of the wrong type", (f) -> "{ post(id: \"" + f.userId() + "\") { id } }").refused(200,
						"BAD_REQUEST", "id"),
				query("id as an Int literal", "{ node(id: 1) { id } }").refused(200, "BAD_REQUEST", "id"),
				query("id as a Boolean", "{ node(id: true) { id } }").refused(400, "BAD_REQUEST"),
				query("id 10,000 characters long", "{ node(id: \"" + "A".repeat(10_000) + "\") { id } }")
					.refused(200, "BAD_REQUEST", "id"),
				query("id with a row id too large",
						"{ node(id: \"" + java.util.Base64.getUrlEncoder().withoutPadding()
							.encodeToString("Post:99999999999999999999".getBytes(StandardCharsets.UTF_8)) + "\") { id } }")
					.refused(200, "BAD_REQUEST", "id"),
				query("one bad id among good ones",
						(f) -> Map.of("query", "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", "variables",
								Map.of("ids", List.of(f.postId(), "garbage"))))
					.refused(200, "BAD_REQUEST", "ids[1]"),
				mutation("delete a post by a user id", (f) -> "mutation { deletePost(id: \"" + f.userId() + "\") }")
					.refused(200, "BAD_REQUEST", "id"),
				mutation("delete a comment by a garbage id", (f) -> "mutation { deleteComment(id: \"x\") }")
					.refused(200, "BAD_REQUEST", "id"),
				mutation("comment on a truncated post id",
						(f) -> variables("mutation($input: AddCommentInput!) { addComment(input: $input) { id } }",
								Map.of("postId", f.postId().substring(0, 5), "content", "hi")))
					.refused(200, "BAD_REQUEST", "input.postId"),
				// NUL characters cannot be stored by PostgreSQL: a BAD_REQUEST naming the field, before any write.
				mutation("NUL in a post title", (f) -> createPost(Map.of("title", "a\u0000b", "content", "c")))
					.refused(200, "BAD_REQUEST", "input.title"),
				mutation("NUL in post content", (f) -> createPost(Map.of("title", "t", "content", "c\u0000")))
					.refused(200, "BAD_REQUEST", "input.content"),
				mutation("NUL in a tag name", (f) -> createPost(Map.of("title", "t", "content", "c", "tags",
						List.of("ok", "\u0000")))).refused(200, "BAD_REQUEST", "input.tags[1]"),
				mutation("NUL in a comment", (f) -> variables(
						"mutation($input: AddCommentInput!) { addComment(input: $input) { id } }",
						Map.of("postId", f.postId(), "content", "nice\u0000"))).refused(200, "BAD_REQUEST", "input.content"),
				mutation("NUL in a new bio", (f) -> variables(
						"mutation($input: UpdateMeInput!) { updateMe(input: $input) { id } }",
						Map.of("bio", "me\u0000"))).refused(200, "BAD_REQUEST", "input.bio"),
				query("NUL in register fullName", (f) -> variables(
						"mutation($input: RegisterInput!) { register(input: $input) { token } }",
						Map.of("username", "grace", "email", "grace@example.com", "password", PASSWORD, "fullName",
								"Grace\u0000Hopper"))).refused(200, "BAD_REQUEST", "input.fullName"),
				// An unpaired surrogate (valid as a JSON escape) is not Unicode text; UTF-8 cannot carry it.
				authenticated(raw("unpaired surrogate in a post title", MediaType.APPLICATION_JSON, "{\"query\": "
						+ "\"mutation($input: CreatePostInput!) { createPost(input: $input) { id title } }\", "
						+ "\"variables\": {\"input\": {\"title\": \"a\\ud800b\", \"content\": \"c\"}}}"))
					.refused(200, "BAD_REQUEST", "input.title"),
				query("NUL in a search", (f) -> variables("query($s: String) { posts(filter: {search: $s}) { totalCount } }",
						"s", "hello\u0000")).refused(200, "BAD_REQUEST", "filter.search"),
				query("NUL in a slug", "{ post(slug: \"hello\\u0000\") { id } }").refused(200, "BAD_REQUEST", "slug"),
				query("NUL in a username", "{ user(username: \"ada\\u0000\") { id } }").refused(200, "BAD_REQUEST",
						"username"),
				// SQL-looking text is just text
				query("SQL as a search term", variables("query($s: String) { posts(filter: {search: $s}) { totalCount } }",
						"s", SQL)).handled((response) -> assertThat(response.<Integer>read("$.data.posts.totalCount")).isZero()),
				query("search operators", variables("query($s: String) { posts(filter: {search: $s}) { totalCount } }",
						"s", "!(& | :* <-> \\ ' \" -- or -")).handled(
								(response) -> assertThat(response.<Integer>read("$.data.posts.totalCount")).isZero()),
				query("SQL as a slug", variables("query($s: String) { post(slug: $s) { id } }", "s", SQL))
					.handled((response) -> assertThat(response.<Object>read("$.data.post")).isNull()),
				query("SQL as a username", variables("query($s: String) { user(username: $s) { id } }", "s",
						"ada' OR '1'='1")).handled((response) -> assertThat(response.<Object>read("$.data.user")).isNull()),
				query("SQL as a tag filter", variables("query($t: [String!]) { posts(filter: {tags: $t}) { totalCount } }",
						"t", List.of(SQL, "java' OR 1=1 --"))).handled(
								(response) -> assertThat(response.<Integer>read("$.data.posts.totalCount")).isZero()),
				query("SQL as an author filter", variables(
						"query($u: String) { posts(filter: {authorUsername: $u}) { totalCount } }", "u", "x' OR ''='"))
					.handled((response) -> assertThat(response.<Integer>read("$.data.posts.totalCount")).isZero()),
				query("SQL as a register username", variables(
						"mutation($input: RegisterInput!) { register(input: $input) { token } }",
						Map.of("username", "'; DROP TABLE users; --", "email", "x@example.com", "password", PASSWORD)))
					.refused(200, "BAD_REQUEST", "input.username"),
				// Lengths: every text has a maximum, checked before anything runs
				query("login of 500 characters", variables(
						"mutation($l: String!) { login(input: {login: $l, password: \"whatever-it-is\"}) { token } }", "l",
						"a".repeat(500))).refused(200, "BAD_REQUEST", "input.login"),
				query("login password of 500 characters", variables(
						"mutation($p: String!) { login(input: {login: \"ada\", password: $p}) { token } }", "p",
						"p".repeat(500))).refused(200, "BAD_REQUEST", "input.password"),
				mutation("post content over LIMIT_TEXT_LENGTH", (f) -> createPost(Map.of("title", "t", "content",
						"c".repeat(100_001)))).refused(200, "BAD_REQUEST", "input.content"),
				query("search term over LIMIT_TEXT_LENGTH", variables(
						"query($s: String) { posts(filter: {search: $s}) { totalCount } }", "s", "s".repeat(100_001)))
					.refused(200, "BAD_REQUEST", "filter.search"),
				query("tag filter of 100,001 characters", variables(
						"query($t: [String!]) { posts(filter: {tags: $t}) { totalCount } }", "t",
						List.of("java", "t".repeat(100_001)))).refused(200, "BAD_REQUEST", "filter.tags[1]"),
				// DateTime reads years PostgreSQL cannot store (found by GeneratedInputTest)
				query("createdAfter past PostgreSQL's last year", variables(
						"query($f: PostFilter) { posts(filter: $f) { totalCount } }", "f",
						Map.of("createdAfter", "+294277-01-01T00:00:00Z"))).refused(200, "BAD_REQUEST", "filter.createdAfter"),
				query("createdBefore in the year -999999999 on a user's posts", (f) -> Map.of("query",
						"query($id: ID!, $f: PostFilter) { node(id: $id) { ... on User { posts(filter: $f) { totalCount } } } }",
						"variables", Map.of("id", f.userId(), "f", Map.of("createdBefore", "-999999999-01-01T00:00:00Z"))))
					.refused(200, "BAD_REQUEST", "filter.createdBefore"),
				// Cursors are the client's to edit: every value in them is checked
				query("cursor with an impossible timestamp", "{ posts(after: \"" + cursor("posts:CREATED_AT:DESC", 1,
						"2026-13-45 99:99:99+00") + "\") { totalCount } }").refused(200, "BAD_REQUEST", "after"),
				query("cursor with February 30th", "{ posts(after: \"" + cursor("posts:CREATED_AT:DESC", 1,
						"2026-02-30 10:00:00+00") + "\") { totalCount } }").refused(200, "BAD_REQUEST", "after"),
				query("cursor past the last timestamp", "{ posts(after: \"" + cursor("posts:CREATED_AT:DESC", 1,
						"999999-01-01 00:00:00+00") + "\") { totalCount } }").refused(200, "BAD_REQUEST", "after"),
				query("cursor with a NUL in a title key", "{ posts(orderBy: {field: TITLE}, before: \"" + cursor(
						"posts:TITLE:DESC", 1, "a\u0000b") + "\") { totalCount } }").refused(200, "BAD_REQUEST", "before"),
				query("cursor with an overflowing relevance", "{ posts(filter: {search: \"hello\"}, orderBy: {field: "
						+ "RELEVANCE}, after: \"" + cursor("posts:RELEVANCE:DESC", 1, "1e99") + "\") { totalCount } }")
					.refused(200, "BAD_REQUEST", "after"),
				query("cursor with a huge id", "{ users(after: \"" + java.util.Base64.getUrlEncoder().withoutPadding()
					.encodeToString("users:ID:ASC\u001f99999999999999999999\u001f1".getBytes(StandardCharsets.UTF_8))
						+ "\") { totalCount } }").refused(200, "BAD_REQUEST", "after"),
				query("a valid edited cursor still works", "{ posts(after: \"" + cursor("posts:CREATED_AT:DESC", 1,
						"2100-01-01 00:00:00.5+05:30") + "\") { nodes { title } } }").handled(
								(response) -> assertThat(response.<List<String>>read("$.data.posts.nodes[*].title"))
									.containsExactly("Hello world")),
				// Deep offsets and database-heavy operations
				query("offset beyond LIMIT_OFFSET", "{ posts(first: 1, offset: 10001) { nodes { id } } }")
					.refused(400, "BAD_REQUEST").checking(limit("offset")),
				query("offset beyond LIMIT_OFFSET in a variable", Map.of("query",
						"query($o: Int) { users(first: 1, offset: $o) { nodes { id } } }", "variables", Map.of("o", 50_000)))
					.refused(400, "BAD_REQUEST").checking(limit("offset")),
				query("16 searches each with totalCount", "{ posts(filter: {search: \"a\"}) { totalCount } "
						+ IntStream.range(0, 15).mapToObj((i) -> "s" + i + ": posts(filter: {search: \"w" + i
								+ "\"}) { totalCount }").collect(Collectors.joining(" ")) + " }")
					.refused(400, "BAD_REQUEST").checking(limit("cost")),
				query("16 searches in variables each with totalCount", Map.of("query", "query($f: PostFilter) { "
						+ "posts(filter: $f) { totalCount } " + IntStream.range(0, 15).mapToObj((i) -> "s" + i
								+ ": posts(filter: $f) { totalCount }").collect(Collectors.joining(" ")) + " }",
						"variables", Map.of("f", Map.of("search", "hello"))))
					.refused(400, "BAD_REQUEST").checking(limit("cost")),
				// Oversized variables
				query("1.1 MB of variables", Map.of("query", "{ posts { totalCount } }", "variables",
						Map.of("pad", "x".repeat(1_100_000)))).refused(413, "BAD_REQUEST"),
				query("5,000 ids in a variable", Map.of("query", "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
						"variables", Map.of("ids", manyIds))).refused(400, "BAD_REQUEST").checking(limit("cost")),
				query("900 KB search term", variables("query($s: String) { posts(filter: {search: $s}) { totalCount } }",
						"s", bigString)).refused(200, "BAD_REQUEST", "filter.search"),
				mutation("900 KB post title", (f) -> createPost(Map.of("title", bigString, "content", "c")))
					.refused(200, "BAD_REQUEST", "input.title"),
				mutation("900 KB tag name", (f) -> createPost(Map.of("title", "t", "content", "c", "tags",
						List.of(bigString)))).refused(200, "BAD_REQUEST", "input.tags[0]"),
				query("900 KB unused variable", Map.of("query", "{ posts { totalCount } }", "variables",
						Map.of("pad", bigString))).handled(
								(response) -> assertThat(response.<Integer>read("$.data.posts.totalCount")).isEqualTo(1)));
	}

	// Valid mutations with unusual text: stored and returned exactly as sent, nothing else written.

	private static final String UNUSUAL = "Ünïcödé 👩🏽‍💻🚀 — שלום עולם \u202Eevil\u202C مرحبا";

	@Test
	void emojiAndRightToLeftTextRoundTripThroughCreatePost() {
		Map<String, String> before = snapshot();
		DocumentContext response = JsonPath.parse(graphQlBody(this.fixture.token(), createPost(Map.of("title", UNUSUAL,
				"content", UNUSUAL + "\n" + UNUSUAL, "excerpt", "🙂"))));
		assertThat(response.<String>read("$.data.createPost.title")).isEqualTo(UNUSUAL);
		assertThat(response.<String>read("$.data.createPost.content")).isEqualTo(UNUSUAL + "\n" + UNUSUAL);
		assertThat(response.<String>read("$.data.createPost.slug")).matches("[a-z0-9-]+");
		long id = Content.rowId(response.read("$.data.createPost.id"));
		Map<String, Object> row = this.db.sql("SELECT title, content, excerpt FROM posts WHERE id = :id").bind("id", id)
			.fetch().one().block();
		assertThat(row).containsEntry("title", UNUSUAL).containsEntry("content", UNUSUAL + "\n" + UNUSUAL)
			.containsEntry("excerpt", "🙂");
		assertOnlyNewRow(before, "posts", id);
		// Read back through the API too.
		assertThat(JsonPath.parse(graphQlBody(null, Map.of("query", "query($s: String) { post(slug: $s) { title } }",
				"variables", Map.of("s", response.read("$.data.createPost.slug")))))
			.<Object>read("$.data.post")).isNull(); // a draft: invisible to strangers
		assertThat(JsonPath.parse(graphQlBody(this.fixture.token(), Map.of("query",
				"query($s: String) { post(slug: $s) { title } }", "variables",
				Map.of("s", response.read("$.data.createPost.slug"))))).<String>read("$.data.post.title"))
			.isEqualTo(UNUSUAL);
	}

	@Test
	void emojiAndRightToLeftTextRoundTripThroughRegister() {
		Map<String, String> before = snapshot();
		String fullName = "Ada 👩‍🔬 לאבלייס";
		DocumentContext response = JsonPath.parse(graphQlBody(null, variables(
				"mutation($input: RegisterInput!) { register(input: $input) { user { id fullName } } }",
				Map.of("username", "grace", "email", "grace@example.com", "password", PASSWORD, "fullName", fullName))));
		assertThat(response.<String>read("$.data.register.user.fullName")).isEqualTo(fullName);
		long id = Content.rowId(response.read("$.data.register.user.id"));
		assertThat(this.db.sql("SELECT full_name FROM users WHERE id = :id").bind("id", id)
			.map((r) -> r.get(0, String.class)).one().block()).isEqualTo(fullName);
		assertOnlyNewRow(before, "users", id);
	}

	@Test
	void sqlLookingTitlesAndTagNamesAreStoredAsText() {
		Map<String, String> before = snapshot();
		String title = "Robert'); DROP TABLE posts; --";
		String tag = "'; DROP TABLE tags; --";
		DocumentContext response = JsonPath.parse(graphQlBody(this.fixture.token(), Map.of("query",
				"mutation($input: CreatePostInput!) { createPost(input: $input) { id title slug tags { id name slug } } }",
				"variables", Map.of("input", Map.of("title", title, "content", SQL, "tags", List.of(tag))))));
		assertThat(response.<String>read("$.data.createPost.title")).isEqualTo(title);
		assertThat(response.<String>read("$.data.createPost.slug")).matches("[a-z0-9-]+");
		assertThat(response.<String>read("$.data.createPost.tags[0].name")).isEqualTo(tag.strip());
		assertThat(response.<String>read("$.data.createPost.tags[0].slug")).matches("[a-z0-9-]+");
		long post = Content.rowId(response.read("$.data.createPost.id"));
		long tagId = Content.rowId(response.read("$.data.createPost.tags[0].id"));
		assertThat(this.db.sql("SELECT count(*) FROM posts WHERE id = :id AND title = :t AND content = :c")
			.bind("id", post).bind("t", title).bind("c", SQL).map((r) -> r.get(0, Long.class)).one().block())
			.isEqualTo(1);
		Map<String, String> after = snapshot();
		assertThat(after.get("users")).isEqualTo(before.get("users"));
		assertThat(after.get("comments")).isEqualTo(before.get("comments"));
		assertThat(snapshot("posts", "id <> " + post)).isEqualTo(before.get("posts"));
		assertThat(snapshot("tags", "id <> " + tagId)).isEqualTo(before.get("tags"));
		assertThat(snapshot("post_tags", "post_id <> " + post)).isEqualTo(before.get("post_tags"));
		assertThat(count("post_tags")).isEqualTo(2);
		// And it is found by that tag, as text.
		assertThat(JsonPath.parse(graphQlBody(null, variables(
				"query($t: [String!]) { posts(filter: {tags: $t, published: false}) { totalCount } }", "t",
				List.of(tag)))).<Integer>read("$.data.posts.totalCount")).isZero(); // a draft: strangers see none
		assertThat(JsonPath.parse(graphQlBody(this.fixture.token(), variables(
				"query($t: [String!]) { posts(filter: {tags: $t}) { nodes { title } } }", "t", List.of(tag))))
			.<List<String>>read("$.data.posts.nodes[*].title")).containsExactly(title);
	}

	// Plumbing

	/** One hostile request: how to send it and what must come back. */
	record Case(String name, Function<Fixture, Request> request, int status, String classification, String field,
			Consumer<DocumentContext> check) {

		Case refused(int status, String classification) {
			return refused(status, classification, null);
		}

		Case refused(int status, String classification, String field) {
			return new Case(this.name, this.request, status, classification, field, this.check);
		}

		Case handled(Consumer<DocumentContext> check) {
			return new Case(this.name, this.request, 200, null, null, check);
		}

		Case checking(Consumer<DocumentContext> check) {
			return new Case(this.name, this.request, this.status, this.classification, this.field, check);
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	record Request(MediaType contentType, byte[] body, boolean authenticated) {
	}

	private static Case raw(String name, MediaType contentType, String body) {
		return raw(name, contentType, body.getBytes(StandardCharsets.UTF_8));
	}

	private static Case raw(String name, MediaType contentType, byte[] body) {
		return new Case(name, (f) -> new Request(contentType, body, false), 0, null, null, (response) -> {
		});
	}

	private static Case authenticated(Case unauthenticated) {
		return new Case(unauthenticated.name(), (f) -> {
			Request request = unauthenticated.request().apply(f);
			return new Request(request.contentType(), request.body(), true);
		}, 0, null, null, unauthenticated.check());
	}

	private static Case query(String name, String query) {
		return query(name, Map.of("query", query));
	}

	private static Case query(String name, Map<String, Object> body) {
		return query(name, (Function<Fixture, Object>) (f) -> body);
	}

	private static Case query(String name, Function<Fixture, Object> body) {
		return new Case(name, (f) -> new Request(MediaType.APPLICATION_JSON, graphQlRequest(body.apply(f)), false), 0,
				null, null, (response) -> {
				});
	}

	/** Sent with the fixture user's token. */
	private static Case mutation(String name, Function<Fixture, Object> body) {
		return new Case(name, (f) -> {
			return new Request(MediaType.APPLICATION_JSON, graphQlRequest(body.apply(f)), true);
		}, 0, null, null, (response) -> {
		});
	}

	private static Map<String, Object> variables(String query, String name, Object value) {
		return Map.of("query", query, "variables", Map.of(name, value));
	}

	private static Map<String, Object> variables(String query, Map<String, Object> input) {
		return variables(query, "input", input);
	}

	private static Map<String, Object> createPost(Map<String, Object> input) {
		return variables("mutation($input: CreatePostInput!) { createPost(input: $input) { id title slug content } }",
				input);
	}

	/** A cursor as the server encodes it, with whatever values a client edited in. */
	private static String cursor(String ordering, long id, String sortKey) {
		return java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString((ordering + "\u001f" + id + "\u001f" + sortKey).getBytes(StandardCharsets.UTF_8));
	}

	private static Consumer<DocumentContext> limit(String limit) {
		return (response) -> assertThat(response.<Object>read("$.errors[0].extensions.limit")).isEqualTo(limit);
	}

	/** A document alone, or a whole request body. */
	private static byte[] graphQlRequest(Object documentOrBody) {
		return toJson((documentOrBody instanceof String document) ? Map.of("query", document) : documentOrBody);
	}

	private static byte[] toJson(Object body) {
		return json.writeValueAsBytes(body);
	}

	private EntityExchangeResult<byte[]> send(Request request) {
		return this.http.post().uri("/graphql").contentType(request.contentType()).accept(GRAPHQL_RESPONSE)
			.headers((headers) -> {
				if (request.authenticated()) {
					headers.setBearerAuth(this.fixture.token());
				}
			})
			.bodyValue(request.body()).exchange().expectBody().returnResult();
	}

	private String graphQlBody(String token, Map<String, Object> body) {
		return new String(send(new Request(MediaType.APPLICATION_JSON, toJson(body), token != null))
			.getResponseBodyContent(), StandardCharsets.UTF_8);
	}

	private void assertStillServing() {
		DocumentContext response = JsonPath.parse(graphQlBody(null,
				Map.of("query", "{ posts(first: 5) { totalCount nodes { title tags { name } commentCount } } }")));
		assertThat(response.<String>read("$.data.posts.nodes[0].title")).isEqualTo("Hello world");
		assertThat(response.<Integer>read("$.data.posts.nodes[0].commentCount")).isEqualTo(1);
	}

	private void assertOnlyNewRow(Map<String, String> before, String table, long id) {
		Map<String, String> after = snapshot();
		for (String other : TABLES.keySet()) {
			if (!other.equals(table)) {
				assertThat(after.get(other)).as(other).isEqualTo(before.get(other));
			}
		}
		assertThat(snapshot(table, "id <> " + id)).isEqualTo(before.get(table));
		assertThat(count(table + " WHERE id = " + id)).isEqualTo(1);
	}

	/** Row count and checksum of every table. */
	private Map<String, String> snapshot() {
		Map<String, String> tables = new TreeMap<>();
		TABLES.keySet().forEach((table) -> tables.put(table, snapshot(table, "true")));
		return tables;
	}

	private String snapshot(String table, String where) {
		return this.db.sql("SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' ORDER BY " + TABLES.get(table)
				+ ")), '-') FROM " + table + " t WHERE " + where).map((row) -> row.get(0, String.class)).one().block();
	}

	private long count(String from) {
		return this.db.sql("SELECT count(*) FROM " + from).map((row) -> row.get(0, Long.class)).one().block();
	}

}
