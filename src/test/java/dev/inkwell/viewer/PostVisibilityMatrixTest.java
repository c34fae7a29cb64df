package dev.inkwell.viewer;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import dev.inkwell.Content;
import dev.inkwell.IntegrationTest;
import dev.inkwell.auth.AccessTokens;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Every path by which a draft, or a comment on a draft, can be reached, asked by each kind of
 * viewer: the draft's author and a superuser see it, an anonymous viewer and another user do not.
 * Each row names the path, the query, where its answer is, and the answer when the draft is
 * visible and when it is not. A new read path gets a row here.
 *
 * <p>The draft's author is a user row with id 0, as imported data can hold: anonymous viewers
 * once matched user id 0 in SQL, which would have shown them this author's drafts.
 */
class PostVisibilityMatrixTest extends IntegrationTest {

	private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-01-01T00:00:00Z");

	/** Who asks, and whether the draft is theirs to see. */
	enum Asker {

		ANONYMOUS(false), AUTHOR(true), OTHER_USER(false), SUPERUSER(true);

		final boolean seesDraft;

		Asker(boolean seesDraft) {
			this.seesDraft = seesDraft;
		}

	}

	/**
	 * One read path. {@code query} may use DRAFT, DRAFT_SLUG, DRAFT_COMMENT, AUTHOR, OTHER (global
	 * ids and the slug); the answer is the value at {@code path}.
	 */
	record Path(String name, String query, String path, Object whenVisible, Object whenHidden) {
	}

	/** The second page of a list, read with the first page's end cursor: paging on never reveals the draft. */
	record PageTwo(String name, String query, String connection, String item, Object whenVisible, Object whenHidden) {
	}

	// The fixture: the author's published post (older) and draft (newer); tag java on both, rust on the
	// published post only; the other user commented on both, on the draft last.
	static final List<Path> PATHS = List.of(
			new Path("post(id)", "{ post(id: \"DRAFT\") { title } }", "post.title", "Draft", null),
			new Path("post(slug)", "{ post(slug: \"DRAFT_SLUG\") { title } }", "post.title", "Draft", null),
			new Path("posts", "{ posts { nodes { title } } }", "posts.nodes[*].title",
					List.of("Draft", "Published"), List.of("Published")),
			new Path("posts.totalCount", "{ posts { totalCount } }", "posts.totalCount", 2, 1),
			new Path("posts(filter: {published: false}).totalCount",
					"{ posts(filter: { published: false }) { totalCount } }", "posts.totalCount", 1, 0),
			new Path("posts(search)", "{ posts(filter: { search: \"ink\" }) { nodes { title } } }",
					"posts.nodes[*].title", List.of("Draft", "Published"), List.of("Published")),
			new Path("posts(search).totalCount", "{ posts(filter: { search: \"ink\" }) { totalCount } }",
					"posts.totalCount", 2, 1),
			new Path("node", "{ node(id: \"DRAFT\") { ... on Post { title } } }", "node.title", "Draft", null),
			new Path("nodes", "{ nodes(ids: [\"DRAFT\", \"DRAFT_COMMENT\"]) { id } }", "nodes[*]",
					List.of(Map.of("id", "DRAFT"), Map.of("id", "DRAFT_COMMENT")), nulls(2)),
			new Path("comment", "{ comment(id: \"DRAFT_COMMENT\") { content } }", "comment.content", "On the draft",
					null),
			new Path("Comment.post", "{ comment(id: \"DRAFT_COMMENT\") { post { title } } }", "comment.post.title",
					"Draft", null),
			new Path("User.posts", "{ user(id: \"AUTHOR\") { posts { nodes { title } } } }",
					"user.posts.nodes[*].title", List.of("Draft", "Published"), List.of("Published")),
			new Path("User.posts.totalCount", "{ user(id: \"AUTHOR\") { posts { totalCount } } }",
					"user.posts.totalCount", 2, 1),
			new Path("User.postCount", "{ user(id: \"AUTHOR\") { postCount } }", "user.postCount", 2, 1),
			new Path("User.comments", "{ user(id: \"OTHER\") { comments { nodes { content } } } }",
					"user.comments.nodes[*].content", List.of("On the draft", "On the published"),
					List.of("On the published")),
			new Path("User.comments.totalCount", "{ user(id: \"OTHER\") { comments { totalCount } } }",
					"user.comments.totalCount", 2, 1),
			new Path("User.comments -> Comment.post",
					"{ user(id: \"OTHER\") { comments { nodes { post { title } } } } }",
					"user.comments.nodes[*].post.title", List.of("Draft", "Published"), List.of("Published")),
			new Path("Tag.posts", "{ tag(slug: \"java\") { posts { nodes { title } } } }",
					"tag.posts.nodes[*].title", List.of("Draft", "Published"), List.of("Published")),
			new Path("Tag.posts.totalCount", "{ tag(slug: \"java\") { posts { totalCount } } }",
					"tag.posts.totalCount", 2, 1),
			new Path("Tag.postCount", "{ tag(slug: \"java\") { postCount } }", "tag.postCount", 2, 1),
			// java has 2 posts for those who see the draft, else it ties with rust at 1 (ties: newest tag first).
			new Path("tags(orderBy: POST_COUNT)",
					"{ tags(orderBy: { field: POST_COUNT, direction: DESC }) { nodes { name } } }",
					"tags.nodes[*].name", List.of("java", "rust"), List.of("rust", "java")));

	static final List<PageTwo> PAGES_TWO = List.of(
			new PageTwo("posts", "{ posts(ARGS) { pageInfo { endCursor } nodes { title } } }", "posts", "title",
					List.of("Published"), List.of()),
			new PageTwo("posts(search)",
					"{ posts(ARGS, filter: { search: \"ink\" }) { pageInfo { endCursor } nodes { title } } }", "posts",
					"title", List.of("Published"), List.of()),
			new PageTwo("User.posts",
					"{ user(id: \"AUTHOR\") { posts(ARGS) { pageInfo { endCursor } nodes { title } } } }",
					"user.posts", "title", List.of("Published"), List.of()),
			new PageTwo("Tag.posts", "{ tag(slug: \"java\") { posts(ARGS) { pageInfo { endCursor } nodes { title } } } }",
					"tag.posts", "title", List.of("Published"), List.of()),
			new PageTwo("User.comments",
					"{ user(id: \"OTHER\") { comments(ARGS) { pageInfo { endCursor } nodes { content } } } }",
					"user.comments", "content", List.of("On the published"), List.of()),
			new PageTwo("tags(orderBy: POST_COUNT)", "{ tags(ARGS, orderBy: { field: POST_COUNT, direction: DESC }) "
					+ "{ pageInfo { endCursor } nodes { name } } }", "tags", "name", List.of("rust"), List.of("java")));

	private static final Configuration LENIENT = Configuration.defaultConfiguration()
		.addOptions(Option.DEFAULT_PATH_LEAF_TO_NULL, Option.SUPPRESS_EXCEPTIONS);

	@Autowired
	AccessTokens tokens;

	@Test
	void aDraftAndTheCommentsOnItReachOnlyItsAuthorAndSuperusersByEveryPath() {
		Map<String, String> names = fixture();
		Map<Asker, HttpGraphQlTester> askers = new LinkedHashMap<>();
		askers.put(Asker.ANONYMOUS, this.graphQl);
		askers.put(Asker.AUTHOR, as(this.tokens.issue(0, 0).block().token()));
		askers.put(Asker.OTHER_USER, as(this.tokens.issue(Content.rowId(names.get("OTHER")), 0).block().token()));
		askers.put(Asker.SUPERUSER, as(this.tokens.issue(Content.rowId(names.get("ROOT")), 0).block().token()));
		Function<Object, Object> named = (value) -> resolve(value, names);

		SoftAssertions softly = new SoftAssertions();
		askers.forEach((asker, tester) -> {
			for (Path path : PATHS) {
				Object expected = named.apply(asker.seesDraft ? path.whenVisible() : path.whenHidden());
				softly.assertThat(answer(tester, resolve(path.query(), names), path.path()))
					.as("%s asked by %s", path.name(), asker)
					.isEqualTo(expected);
			}
			for (PageTwo page : PAGES_TWO) {
				String firstPage = resolve(page.query(), names).replace("ARGS", "first: 1");
				Object cursor = answer(tester, firstPage, page.connection() + ".pageInfo.endCursor");
				String secondPage = resolve(page.query(), names).replace("ARGS", "first: 10, after: \"" + cursor + "\"");
				softly.assertThat(answer(tester, secondPage, page.connection() + ".nodes[*]." + page.item()))
					.as("second page of %s asked by %s", page.name(), asker)
					.isEqualTo(asker.seesDraft ? page.whenVisible() : page.whenHidden());
			}
		});
		softly.assertAll();
	}

	/** Writes the fixture; returns the names the queries use, with their values. */
	private Map<String, String> fixture() {
		Content content = new Content(this.db);
		this.db.sql("INSERT INTO users (id, username, email, hashed_password) VALUES (0, 'zero', 'zero@example.com', 'x')")
			.then()
			.block();
		long other = content.user("other");
		long root = content.user("root");
		this.db.sql("UPDATE users SET is_superuser = true WHERE id = :id").bind("id", root).then().block();
		long published = content.post(0, "Published", "Ink and paper", true, T0);
		long draft = content.post(0, "Draft", "Ink in the drawer", false, T0.plusHours(1));
		long java = content.tag("java");
		long rust = content.tag("rust");
		content.tagPost(published, java, rust);
		content.tagPost(draft, java);
		content.comment(published, other, "On the published", T0.plusHours(2));
		long onDraft = content.comment(draft, other, "On the draft", T0.plusHours(3));
		String slug = this.db.sql("SELECT slug FROM posts WHERE id = :id")
			.bind("id", draft)
			.map((row) -> row.get(0, String.class))
			.one()
			.block();
		// Longest names first, so that DRAFT does not replace the start of DRAFT_SLUG.
		Map<String, String> names = new LinkedHashMap<>();
		names.put("DRAFT_COMMENT", Content.id("Comment", onDraft));
		names.put("DRAFT_SLUG", slug);
		names.put("DRAFT", Content.id("Post", draft));
		names.put("AUTHOR", Content.id("User", 0));
		names.put("OTHER", Content.id("User", other));
		names.put("ROOT", Content.id("User", root));
		return names;
	}

	/** The value at {@code path} of the answer (null where a parent is null), after checking that there were no errors. */
	private static Object answer(HttpGraphQlTester tester, String query, String path) {
		GraphQlTester.Response response = tester.document(query).execute();
		response.errors().verify();
		return JsonPath.using(LENIENT).parse((Object) response.returnResponse().getData()).read("$." + path);
	}

	private static Object resolve(Object value, Map<String, String> names) {
		if (value instanceof String text) {
			for (Map.Entry<String, String> name : names.entrySet()) {
				text = text.replace(name.getKey(), name.getValue());
			}
			return text;
		}
		if (value instanceof List<?> items) {
			return items.stream().map((item) -> resolve(item, names)).toList();
		}
		if (value instanceof Map<?, ?> fields) {
			Map<Object, Object> resolved = new LinkedHashMap<>();
			fields.forEach((key, field) -> resolved.put(key, resolve(field, names)));
			return resolved;
		}
		return value;
	}

	private static String resolve(String text, Map<String, String> names) {
		return (String) resolve((Object) text, names);
	}

	private static List<Object> nulls(int count) {
		return Collections.nCopies(count, null);
	}

}
