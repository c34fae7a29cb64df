package dev.inkwell.tag;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import dev.inkwell.Content;
import dev.inkwell.IntegrationTest;
import dev.inkwell.Paging;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class TagQueryTest extends IntegrationTest {

	static final String TAGS = """
			query($first: Int, $after: String, $offset: Int, $orderBy: TagOrder) {
			  tags(first: $first, after: $after, offset: $offset, orderBy: $orderBy) {
			    totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { name postCount }
			  }
			}""";

	@Test
	void tagsAreOrderedByNameOrPostCountAndPaged() {
		Content content = new Content(this.db);
		long author = content.user("writer");
		long rust = content.tag("rust");
		long go = content.tag("Go");
		long javaTag = content.tag("java");
		content.tag("Zig");
		for (int i = 0; i < 3; i++) {
			content.tagPost(content.post(author, "Java " + i, true), javaTag);
		}
		content.tagPost(content.post(author, "Go", true), go, javaTag);
		content.tagPost(content.post(author, "Rust", true), rust);
		content.tagPost(content.post(author, "Rust draft", false), rust);
		content.tagPost(content.post(author, "Rust draft 2", false), rust);

		assertThat(names(null, "NAME", "ASC")).containsExactly("Go", "java", "rust", "Zig");
		assertThat(names(null, "NAME", "DESC")).containsExactly("Zig", "rust", "java", "Go");
		// drafts do not count for anonymous viewers: rust has 1 visible post, like Go; ties go by id
		assertThat(names(null, "POST_COUNT", "DESC")).containsExactly("java", "Go", "rust", "Zig");
		assertThat(names(null, "POST_COUNT", "ASC")).containsExactly("Zig", "rust", "Go", "java");

		for (String field : List.of("NAME", "POST_COUNT")) {
			List<String> all = names(null, field, "DESC");
			List<String> paged = Paging.follow(2, (after) -> {
				GraphQlTester.Response response = this.graphQl.document(TAGS).variable("first", 3)
					.variable("after", after).variable("orderBy", Map.of("field", field, "direction", "DESC"))
					.execute();
				return new Paging.Page(response.path("tags.nodes[*].name").entityList(String.class).get(),
						response.path("tags.pageInfo.hasNextPage").entity(Boolean.class).get(),
						response.path("tags.pageInfo.endCursor").entity(String.class).get());
			});
			assertThat(paged).isEqualTo(all);
		}
		GraphQlTester.Response second = this.graphQl.document(TAGS).variable("first", 3).variable("offset", 3).execute();
		second.path("tags.nodes[*].name").entityList(String.class).containsExactly("Zig");
		second.path("tags.totalCount").entity(Integer.class).isEqualTo(4);
		second.path("tags.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
		singleError(this.graphQl.document(TAGS).variable("first", 101).execute(), "BAD_REQUEST", "first");
	}

	@Test
	void tagBySlugOrIdWithItsPostsNewestFirst() {
		Content content = new Content(this.db);
		long author = content.user("writer");
		long tag = content.tag("GraphQL");
		content.tagPost(content.post(author, "Old", "x", true, OffsetDateTime.parse("2026-01-01T00:00:00Z")), tag);
		content.tagPost(content.post(author, "New", "x", true, OffsetDateTime.parse("2026-02-01T00:00:00Z")), tag);
		String query = "query($slug: String, $id: ID) { tag(slug: $slug, id: $id) { name posts(first: 1) { pageInfo { hasNextPage endCursor } nodes { title } } } }";
		GraphQlTester.Response response = this.graphQl.document(query).variable("slug", "GRAPHQL").execute();
		response.path("tag.posts.nodes[*].title").entityList(String.class).containsExactly("New");
		String cursor = response.path("tag.posts.pageInfo.endCursor").entity(String.class).get();
		this.graphQl.document("query($id: ID, $after: String) { tag(id: $id) { posts(first: 1, after: $after) { nodes { title } } } }")
			.variable("id", Content.id("Tag", tag)).variable("after", cursor).execute()
			.path("tag.posts.nodes[*].title").entityList(String.class).containsExactly("Old");
		this.graphQl.document(query).variable("slug", "nothing").execute().path("tag").valueIsNull();
		singleError(this.graphQl.document(query).execute(), "BAD_REQUEST", "id");
		singleError(this.graphQl.document(query).variable("id", Content.id("User", 1)).execute(), "BAD_REQUEST", "id");
	}

	private List<String> names(String after, String field, String direction) {
		return this.graphQl.document(TAGS).variable("after", after)
			.variable("orderBy", Map.of("field", field, "direction", direction)).execute()
			.path("tags.nodes[*].name").entityList(String.class).get();
	}

}
