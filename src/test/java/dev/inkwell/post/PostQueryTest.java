package dev.inkwell.post;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.inkwell.Content;
import dev.inkwell.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class PostQueryTest extends IntegrationTest {

	static final String POSTS = """
			query posts($first: Int, $after: String, $last: Int, $before: String, $offset: Int,
			            $filter: PostFilter, $orderBy: PostOrder) {
			  posts(first: $first, after: $after, last: $last, before: $before, offset: $offset,
			        filter: $filter, orderBy: $orderBy) {
			    totalCount
			    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
			    edges { cursor node { id title } }
			    nodes { title }
			  }
			}""";

	static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T12:00:00Z");

	Content content;

	Account alice;

	Account bob;

	Account root;

	long aliceId;

	long bobId;

	@BeforeEach
	void accounts() {
		this.content = new Content(this.db);
		this.alice = register("alice");
		this.bob = register("bob");
		this.root = register("root");
		this.db.sql("UPDATE users SET is_superuser = true WHERE username = 'root'").then().block();
		this.aliceId = Content.rowId(this.alice.id());
		this.bobId = Content.rowId(this.bob.id());
	}

	@Test
	void draftsAreVisibleToTheirAuthorAndSuperusersOnlyEverywhere() {
		long published = this.content.post(this.aliceId, "Published", "Visible text", true, T0);
		long draft = this.content.post(this.aliceId, "Draft", "Hidden text", false, T0.plusHours(1));
		long tag = this.content.tag("Java");
		this.content.tagPost(published, tag);
		this.content.tagPost(draft, tag);
		long comment = this.content.comment(draft, this.bobId, "On a draft");
		String draftId = Content.id("Post", draft);
		String query = """
				query($draft: ID!, $slug: String!, $comment: ID!, $alice: ID!, $tag: ID!) {
				  posts { totalCount nodes { title } }
				  post(id: $draft) { title }
				  bySlug: post(slug: $slug) { title }
				  node(id: $draft) { id }
				  nodes(ids: [$draft, $comment]) { id }
				  comment(id: $comment) { content post { title } }
				  user(id: $alice) { postCount posts { totalCount nodes { title } } }
				  tag(id: $tag) { postCount posts { totalCount nodes { title } } }
				  tags(orderBy: { field: POST_COUNT }) { nodes { postCount } }
				}""";
		String slug = this.db.sql("SELECT slug FROM posts WHERE id = :id").bind("id", draft)
			.map((row) -> row.get(0, String.class)).one().block();
		Map<String, Object> variables = Map.of("draft", draftId, "slug", slug, "comment", Content.id("Comment", comment),
				"alice", this.alice.id(), "tag", Content.id("Tag", tag));

		for (GraphQlTester tester : List.of(this.graphQl, as(this.bob.token()))) {
			GraphQlTester.Response response = tester.document(query).variables(variables).execute();
			response.errors().verify();
			response.path("posts.totalCount").entity(Integer.class).isEqualTo(1);
			response.path("posts.nodes[*].title").entityList(String.class).containsExactly("Published");
			response.path("post").valueIsNull();
			response.path("bySlug").valueIsNull();
			response.path("node").valueIsNull();
			response.path("nodes[0]").valueIsNull();
			response.path("nodes[1]").valueIsNull();
			response.path("comment").valueIsNull();
			response.path("user.postCount").entity(Integer.class).isEqualTo(1);
			response.path("user.posts.totalCount").entity(Integer.class).isEqualTo(1);
			response.path("user.posts.nodes[*].title").entityList(String.class).containsExactly("Published");
			response.path("tag.postCount").entity(Integer.class).isEqualTo(1);
			response.path("tag.posts.totalCount").entity(Integer.class).isEqualTo(1);
			response.path("tag.posts.nodes[*].title").entityList(String.class).containsExactly("Published");
			response.path("tags.nodes[0].postCount").entity(Integer.class).isEqualTo(1);
		}
		for (GraphQlTester tester : List.of(as(this.alice.token()), as(this.root.token()))) {
			GraphQlTester.Response response = tester.document(query).variables(variables).execute();
			response.errors().verify();
			response.path("posts.totalCount").entity(Integer.class).isEqualTo(2);
			response.path("posts.nodes[*].title").entityList(String.class).containsExactly("Draft", "Published");
			response.path("post.title").entity(String.class).isEqualTo("Draft");
			response.path("bySlug.title").entity(String.class).isEqualTo("Draft");
			response.path("node.id").entity(String.class).isEqualTo(draftId);
			response.path("nodes[0].id").entity(String.class).isEqualTo(draftId);
			response.path("comment.post.title").entity(String.class).isEqualTo("Draft");
			response.path("user.postCount").entity(Integer.class).isEqualTo(2);
			response.path("user.posts.totalCount").entity(Integer.class).isEqualTo(2);
			response.path("tag.postCount").entity(Integer.class).isEqualTo(2);
			response.path("tag.posts.nodes[*].title").entityList(String.class).containsExactly("Draft", "Published");
			response.path("tags.nodes[0].postCount").entity(Integer.class).isEqualTo(2);
		}
	}

	@Test
	void filtersByAuthorIdAndUsername() {
		this.content.post(this.aliceId, "By Alice", true);
		this.content.post(this.bobId, "By Bob", true);
		assertThat(titles(Map.of("filter", Map.of("authorId", this.bob.id())))).containsExactly("By Bob");
		assertThat(titles(Map.of("filter", Map.of("authorUsername", "ALICE")))).containsExactly("By Alice");
		assertThat(titles(Map.of("filter", Map.of("authorUsername", "nobody")))).isEmpty();
		singleError(this.graphQl.document(POSTS).variable("filter", Map.of("authorId", "bogus")).execute(),
				"BAD_REQUEST", "filter.authorId");
		singleError(this.graphQl.document(POSTS)
			.variable("filter", Map.of("authorId", Content.id("Post", 1))).execute(), "BAD_REQUEST", "filter.authorId");
	}

	@Test
	void filtersByPublished() {
		this.content.post(this.aliceId, "Out", "x", true, T0);
		this.content.post(this.aliceId, "Mine", "x", false, T0.plusMinutes(1));
		this.content.post(this.bobId, "Bobs draft", "x", false, T0.plusMinutes(2));
		assertThat(titles(as(this.alice.token()), Map.of("filter", Map.of("published", false)))).containsExactly("Mine");
		assertThat(titles(as(this.alice.token()), Map.of("filter", Map.of("published", true)))).containsExactly("Out");
		assertThat(titles(as(this.root.token()), Map.of("filter", Map.of("published", false))))
			.containsExactly("Bobs draft", "Mine");
		assertThat(titles(Map.of("filter", Map.of("published", false)))).isEmpty();
	}

	@Test
	void filtersByTagsWithAnyOrAllMatchingNamesAndSlugsIgnoringCase() {
		long java = this.content.tag("Java");
		long sql = this.content.tag("SQL");
		long go = this.content.tag("Go");
		this.content.tagPost(this.content.post(this.aliceId, "Java only", "x", true, T0), java);
		this.content.tagPost(this.content.post(this.aliceId, "Java and SQL", "x", true, T0.plusMinutes(1)), java, sql);
		this.content.tagPost(this.content.post(this.aliceId, "Go", "x", true, T0.plusMinutes(2)), go);
		this.content.post(this.aliceId, "Untagged", "x", true, T0.plusMinutes(3));
		assertThat(titles(Map.of("filter", Map.of("tags", List.of("java", "SQL")))))
			.containsExactly("Java and SQL", "Java only");
		assertThat(titles(Map.of("filter", Map.of("tags", List.of("JAVA", "sql"), "tagMatch", "ALL"))))
			.containsExactly("Java and SQL");
		assertThat(titles(Map.of("filter", Map.of("tags", List.of("go"), "tagMatch", "ALL")))).containsExactly("Go");
		assertThat(titles(Map.of("filter", Map.of("tags", List.of("java", "rust"), "tagMatch", "ALL")))).isEmpty();
		assertThat(titles(Map.of("filter", Map.of("tags", List.of("rust"))))).isEmpty();
	}

	@Test
	void filtersByCreationTimeExclusively() {
		this.content.post(this.aliceId, "Early", "x", true, T0);
		this.content.post(this.aliceId, "Middle", "x", true, T0.plusDays(1));
		this.content.post(this.aliceId, "Late", "x", true, T0.plusDays(2));
		assertThat(titles(Map.of("filter", Map.of("createdAfter", T0.toString())))).containsExactly("Late", "Middle");
		assertThat(titles(Map.of("filter", Map.of("createdBefore", T0.plusDays(2).toString()))))
			.containsExactly("Middle", "Early");
		assertThat(titles(Map.of("filter", Map.of("createdAfter", T0.toString(), "createdBefore",
				T0.plusDays(2).toString())))).containsExactly("Middle");
	}

	@Test
	void searchesFullTextWithStemmingPhrasesExclusionsAndOr() {
		this.content.post(this.aliceId, "How I run every morning", "Jogging before breakfast keeps me awake.", true, T0);
		this.content.post(this.aliceId, "Databases", "PostgreSQL full text search is fast.", true, T0.plusMinutes(1));
		this.content.post(this.aliceId, "Running databases", "Operating PostgreSQL in production.", true,
				T0.plusMinutes(2));
		this.content.post(this.aliceId, "Secret running plan", "A draft about running.", false, T0.plusMinutes(3));
		assertThat(titles(Map.of("filter", Map.of("search", "running"))))
			.containsExactlyInAnyOrder("How I run every morning", "Running databases");
		assertThat(titles(Map.of("filter", Map.of("search", "\"full text search\"")))).containsExactly("Databases");
		assertThat(titles(Map.of("filter", Map.of("search", "postgresql -running")))).containsExactly("Databases");
		assertThat(titles(Map.of("filter", Map.of("search", "breakfast or production"))))
			.containsExactlyInAnyOrder("How I run every morning", "Running databases");
		assertThat(titles(Map.of("filter", Map.of("search", "zeppelin")))).isEmpty();
		assertThat(titles(as(this.alice.token()), Map.of("filter", Map.of("search", "plan"))))
			.containsExactly("Secret running plan");
	}

	@Test
	void relevanceRanksTitleMatchesFirstAndNeedsASearch() {
		this.content.post(this.aliceId, "Gardening", "Tomatoes need sun; tomatoes need water.", true, T0.plusMinutes(2));
		this.content.post(this.aliceId, "Tomatoes", "A short note.", true, T0);
		this.content.post(this.aliceId, "Cooking", "Add one tomato.", true, T0.plusMinutes(1));
		List<String> ranked = titles(Map.of("filter", Map.of("search", "tomato"), "orderBy",
				Map.of("field", "RELEVANCE", "direction", "DESC")));
		assertThat(ranked).hasSize(3).startsWith("Tomatoes");
		List<String> paged = pageThrough(this.graphQl, Map.of("filter", Map.of("search", "tomato"), "orderBy",
				Map.of("field", "RELEVANCE", "direction", "DESC")), 1);
		assertThat(paged).isEqualTo(ranked);
		assertThat(singleError(this.graphQl.document(POSTS).variable("orderBy", Map.of("field", "RELEVANCE")).execute(),
				"BAD_REQUEST", "orderBy.field").getMessage()).contains("filter.search");
	}

	@Test
	void ordersByEachFieldWithTheIdAsTieBreaker() {
		long banana = this.content.post(this.aliceId, "banana", "x", true, T0.plusMinutes(1));
		long apple = this.content.post(this.aliceId, "Apple", "x", false, T0.plusMinutes(2));
		long cherry = this.content.post(this.aliceId, "cherry", "x", true, T0);
		// Two more "banana"s, equal to the first in title, created_at and published_at: only the id
		// tells the three apart, ascending or descending with the order.
		long banana2 = this.content.post(this.aliceId, "banana", "x", true, T0.plusMinutes(1));
		long banana3 = this.content.post(this.aliceId, "banana", "x", true, T0.plusMinutes(1));
		this.db.sql("UPDATE posts SET published_at = :t WHERE id = :id").bind("t", T0.plusHours(5)).bind("id", cherry)
			.then().block();
		// Rewritten rows move to the end of the table, so the physical order is not the id order either.
		this.db.sql("UPDATE posts SET content = 'y' WHERE id = :id").bind("id", banana).then().block();
		GraphQlTester alice = as(this.alice.token());
		assertThat(ids(alice, Map.of())).containsExactly(apple, banana3, banana2, banana, cherry);
		assertThat(ids(alice, Map.of("orderBy", Map.of("direction", "ASC"))))
			.containsExactly(cherry, banana, banana2, banana3, apple);
		assertThat(ids(alice, Map.of("orderBy", Map.of("field", "TITLE", "direction", "ASC"))))
			.containsExactly(apple, banana, banana2, banana3, cherry);
		assertThat(ids(alice, Map.of("orderBy", Map.of("field", "TITLE", "direction", "DESC"))))
			.containsExactly(cherry, banana3, banana2, banana, apple);
		assertThat(ids(alice, Map.of("orderBy", Map.of("field", "PUBLISHED_AT"))))
			.containsExactly(cherry, banana3, banana2, banana, apple);
		assertThat(ids(alice, Map.of("orderBy", Map.of("field", "PUBLISHED_AT", "direction", "ASC"))))
			.containsExactly(apple, banana, banana2, banana3, cherry);
	}

	private List<Long> ids(GraphQlTester tester, Map<String, Object> variables) {
		GraphQlTester.Response response = tester.document(POSTS).variables(variables).execute();
		response.errors().verify();
		return response.path("posts.edges[*].node.id").entityList(String.class).get().stream().map(Content::rowId)
			.toList();
	}

	@Test
	void pagesForwardAndBackwardWithoutSkipsOrRepeatsAcrossEqualTimestamps() {
		for (int i = 0; i < 7; i++) {
			this.content.post(this.aliceId, "Same " + i, "x", true, T0);
		}
		for (int i = 0; i < 4; i++) {
			this.content.post(this.bobId, "Other " + i, "x", true, T0.plusSeconds(i - 2));
		}
		for (Map<String, Object> order : List.<Map<String, Object>>of(Map.of(), Map.of("direction", "ASC"),
				Map.of("field", "PUBLISHED_AT"), Map.of("field", "TITLE", "direction", "ASC"))) {
			Map<String, Object> variables = Map.of("orderBy", order);
			List<String> all = titles(variables);
			assertThat(all).hasSize(11).doesNotHaveDuplicates();
			assertThat(pageThrough(this.graphQl, variables, 3)).isEqualTo(all);
			List<String> backward = pageBackward(variables, 3);
			assertThat(backward).isEqualTo(all);
			List<String> numbered = new ArrayList<>();
			for (int offset = 0; offset < 11; offset += 4) {
				Map<String, Object> page = new java.util.HashMap<>(variables);
				page.put("first", 4);
				page.put("offset", offset);
				numbered.addAll(titles(page));
			}
			assertThat(numbered).isEqualTo(all);
		}
	}

	@Test
	void cursorsAreOpaqueAndStableWhenRowsAreInserted() {
		this.content.post(this.aliceId, "One", "x", true, T0);
		this.content.post(this.aliceId, "Two", "x", true, T0.plusMinutes(1));
		this.content.post(this.aliceId, "Three", "x", true, T0.plusMinutes(2));
		GraphQlTester.Response first = this.graphQl.document(POSTS).variable("first", 2).execute();
		String cursor = first.path("posts.pageInfo.endCursor").entity(String.class).get();
		assertThat(new String(java.util.Base64.getUrlDecoder().decode(cursor))).doesNotContain("java").doesNotContain("$");
		first.path("posts.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		first.path("posts.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
		this.content.post(this.aliceId, "Newest", "x", true, T0.plusMinutes(3));
		GraphQlTester.Response next = this.graphQl.document(POSTS).variable("first", 2).variable("after", cursor)
			.execute();
		next.path("posts.nodes[*].title").entityList(String.class).containsExactly("One");
		next.path("posts.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		next.path("posts.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void emptyResultsHaveAnEmptyPage() {
		GraphQlTester.Response response = this.graphQl.document(POSTS).execute();
		response.path("posts.totalCount").entity(Integer.class).isEqualTo(0);
		response.path("posts.edges").entityList(Object.class).hasSize(0);
		response.path("posts.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		response.path("posts.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
		response.path("posts.pageInfo.startCursor").valueIsNull();
		response.path("posts.pageInfo.endCursor").valueIsNull();
	}

	@Test
	void pageSizeDefaultsToTwentyAndIsLimitedToOneHundred() {
		for (int i = 0; i < 25; i++) {
			this.content.post(this.aliceId, "Post " + i, "x", true, T0.plusMinutes(i));
		}
		assertThat(titles(Map.of())).hasSize(20);
		assertThat(titles(Map.of("first", 100))).hasSize(25);
		assertThat(singleError(this.graphQl.document(POSTS).variable("first", 101).execute(), "BAD_REQUEST", "first")
			.getMessage()).contains("100");
		assertThat(singleError(this.graphQl.document(POSTS).variable("last", 500).execute(), "BAD_REQUEST", "last")
			.getMessage()).contains("100");
		singleError(this.graphQl.document(POSTS).variable("first", -1).execute(), "BAD_REQUEST", "first");
		singleError(this.graphQl.document(POSTS).variable("last", -1).execute(), "BAD_REQUEST", "last");
		singleError(this.graphQl.document(POSTS).variable("offset", -1).execute(), "BAD_REQUEST", "offset");
		singleError(this.graphQl.document(POSTS).variable("first", 1).variable("last", 1).execute(), "BAD_REQUEST",
				"last");
		singleError(this.graphQl.document(POSTS).variable("after", "not-a-cursor").execute(), "BAD_REQUEST", "after");
		String tampered = java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString("posts:CREATED_AT:DESC\u001f1\u001fyesterday'; DROP TABLE posts".getBytes());
		singleError(this.graphQl.document(POSTS).variable("before", tampered).execute(), "BAD_REQUEST", "before");
		String titleCursor = this.graphQl.document(POSTS).variable("orderBy", Map.of("field", "TITLE")).execute()
			.path("posts.pageInfo.endCursor").entity(String.class).get();
		singleError(this.graphQl.document(POSTS).variable("after", titleCursor).execute(), "BAD_REQUEST", "after");
		String userQuery = "query($first: Int) { user(username: \"alice\") { posts(first: $first) { nodes { id } } } }";
		singleError(this.graphQl.document(userQuery).variable("first", 101).execute(), "BAD_REQUEST", "first");
	}

	@Test
	void postByIdOrSlugNeedsExactlyOne() {
		long id = this.content.post(this.aliceId, "Hello", true);
		String slug = this.db.sql("SELECT slug FROM posts WHERE id = :id").bind("id", id)
			.map((row) -> row.get(0, String.class)).one().block();
		this.graphQl.document("query($slug: String) { post(slug: $slug) { title author { username } } }")
			.variable("slug", slug).execute().path("post.author.username").entity(String.class).isEqualTo("alice");
		singleError(this.graphQl.document("{ post { title } }").execute(), "BAD_REQUEST", "id");
		singleError(this.graphQl.document("{ post(id: \"x\") { title } }").execute(), "BAD_REQUEST", "id");
		this.graphQl.document("{ post(slug: \"missing\") { title } }").execute().path("post").valueIsNull();
	}

	@Test
	void userPostsAreFilteredAndPaged() {
		long java = this.content.tag("Java");
		for (int i = 0; i < 5; i++) {
			long post = this.content.post(this.aliceId, "A" + i, "x", true, T0.plusMinutes(i));
			if (i % 2 == 0) {
				this.content.tagPost(post, java);
			}
		}
		this.content.post(this.bobId, "B", "x", true, T0);
		String query = """
				query($after: String, $filter: PostFilter) {
				  users { nodes { username posts(first: 2, after: $after, filter: $filter) {
				    totalCount pageInfo { hasNextPage endCursor } nodes { title } } } }
				}""";
		GraphQlTester.Response response = this.graphQl.document(query).execute();
		response.path("users.nodes[0].posts.nodes[*].title").entityList(String.class).containsExactly("A4", "A3");
		response.path("users.nodes[0].posts.totalCount").entity(Integer.class).isEqualTo(5);
		response.path("users.nodes[1].posts.nodes[*].title").entityList(String.class).containsExactly("B");
		response.path("users.nodes[2].posts.nodes").entityList(Object.class).hasSize(0);
		response.path("users.nodes[2].posts.totalCount").entity(Integer.class).isEqualTo(0);
		String cursor = response.path("users.nodes[0].posts.pageInfo.endCursor").entity(String.class).get();
		this.graphQl.document(query).variable("after", cursor).execute()
			.path("users.nodes[0].posts.nodes[*].title").entityList(String.class).containsExactly("A2", "A1");
		GraphQlTester.Response tagged = this.graphQl.document(query)
			.variable("filter", Map.of("tags", List.of("java"))).execute();
		tagged.path("users.nodes[0].posts.nodes[*].title").entityList(String.class).containsExactly("A4", "A2");
		tagged.path("users.nodes[0].posts.totalCount").entity(Integer.class).isEqualTo(3);
	}

	private List<String> titles(Map<String, Object> variables) {
		return titles(this.graphQl, variables);
	}

	private List<String> titles(GraphQlTester tester, Map<String, Object> variables) {
		GraphQlTester.Response response = tester.document(POSTS).variables(variables).execute();
		response.errors().verify();
		return response.path("posts.nodes[*].title").entityList(String.class).get();
	}

	private List<String> pageThrough(GraphQlTester tester, Map<String, Object> variables, int size) {
		List<String> all = new ArrayList<>();
		String after = null;
		for (int guard = 0; guard < 50; guard++) {
			Map<String, Object> page = new java.util.HashMap<>(variables);
			page.put("first", size);
			if (after != null) {
				page.put("after", after);
			}
			GraphQlTester.Response response = tester.document(POSTS).variables(page).execute();
			all.addAll(response.path("posts.edges[*].node.title").entityList(String.class).get());
			if (!response.path("posts.pageInfo.hasNextPage").entity(Boolean.class).get()) {
				return all;
			}
			after = response.path("posts.pageInfo.endCursor").entity(String.class).get();
		}
		throw new AssertionError("did not reach the end");
	}

	private List<String> pageBackward(Map<String, Object> variables, int size) {
		List<String> all = new ArrayList<>();
		String before = null;
		for (int guard = 0; guard < 50; guard++) {
			Map<String, Object> page = new java.util.HashMap<>(variables);
			page.put("last", size);
			if (before != null) {
				page.put("before", before);
			}
			GraphQlTester.Response response = this.graphQl.document(POSTS).variables(page).execute();
			List<String> titles = new ArrayList<>(response.path("posts.edges[*].node.title").entityList(String.class).get());
			Collections.reverse(titles);
			all.addAll(titles);
			if (!response.path("posts.pageInfo.hasPreviousPage").entity(Boolean.class).get()) {
				Collections.reverse(all);
				return all;
			}
			before = response.path("posts.pageInfo.startCursor").entity(String.class).get();
		}
		throw new AssertionError("did not reach the start");
	}

}
