package dev.inkwell.comment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import dev.inkwell.Content;
import dev.inkwell.IntegrationTest;
import dev.inkwell.Paging;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class CommentQueryTest extends IntegrationTest {

	static final OffsetDateTime T0 = OffsetDateTime.parse("2026-05-01T10:00:00Z");

	@Test
	void postCommentsPageWithoutSkipsOrRepeatsInBothOrders() {
		Content content = new Content(this.db);
		long author = content.user("writer");
		long reader = content.user("reader");
		long post = content.post(author, "Post", true);
		long other = content.post(author, "Other", true);
		for (int i = 0; i < 5; i++) {
			content.comment(post, reader, "same " + i, T0);
		}
		for (int i = 0; i < 3; i++) {
			content.comment(post, author, "later " + i, T0.plusMinutes(i + 1));
		}
		content.comment(other, reader, "elsewhere", T0);
		String query = """
				query($id: ID!, $first: Int, $after: String, $orderBy: CommentOrder) {
				  post(id: $id) { commentCount comments(first: $first, after: $after, orderBy: $orderBy) {
				    totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { content author { username } post { title } } } }
				}""";
		for (String direction : List.of("ASC", "DESC")) {
			GraphQlTester.Response all = this.graphQl.document(query).variable("id", Content.id("Post", post))
				.variable("first", 100).variable("orderBy", Map.of("direction", direction)).execute();
			List<String> expected = all.path("post.comments.nodes[*].content").entityList(String.class).get();
			assertThat(expected).hasSize(8).doesNotHaveDuplicates();
			assertThat(expected.get(0)).startsWith(direction.equals("ASC") ? "same" : "later 2");
			all.path("post.commentCount").entity(Integer.class).isEqualTo(8);
			all.path("post.comments.totalCount").entity(Integer.class).isEqualTo(8);
			all.path("post.comments.nodes[0].post.title").entity(String.class).isEqualTo("Post");
			List<String> paged = Paging.follow(3, (after) -> {
				GraphQlTester.Response page = this.graphQl.document(query).variable("id", Content.id("Post", post))
					.variable("first", 3).variable("after", after).variable("orderBy", Map.of("direction", direction))
					.execute();
				return new Paging.Page(page.path("post.comments.nodes[*].content").entityList(String.class).get(),
						page.path("post.comments.pageInfo.hasNextPage").entity(Boolean.class).get(),
						page.path("post.comments.pageInfo.endCursor").entity(String.class).get());
			});
			assertThat(paged).isEqualTo(expected);
		}
		singleError(this.graphQl.document(query).variable("id", Content.id("Post", post)).variable("first", 101)
			.execute(), "BAD_REQUEST", "first");
	}

	@Test
	void commentsOnDraftsAreHiddenFromOthers() {
		Content content = new Content(this.db);
		Account alice = register("alice");
		long aliceId = Content.rowId(alice.id());
		long reader = content.user("reader");
		long published = content.post(aliceId, "Published", true);
		long draft = content.post(aliceId, "Draft", false);
		content.comment(published, reader, "visible", T0);
		long hidden = content.comment(draft, reader, "hidden", T0.plusMinutes(1));
		String query = """
				query($comment: ID!) {
				  comment(id: $comment) { content }
				  user(username: "reader") { comments(first: 10) { totalCount nodes { content post { title } } } }
				}""";
		GraphQlTester.Response anonymous = this.graphQl.document(query).variable("comment", Content.id("Comment", hidden))
			.execute();
		anonymous.path("comment").valueIsNull();
		anonymous.path("user.comments.nodes[*].content").entityList(String.class).containsExactly("visible");
		anonymous.path("user.comments.totalCount").entity(Integer.class).isEqualTo(1);
		GraphQlTester.Response author = as(alice.token()).document(query)
			.variable("comment", Content.id("Comment", hidden)).execute();
		author.path("comment.content").entity(String.class).isEqualTo("hidden");
		author.path("user.comments.nodes[*].content").entityList(String.class).containsExactly("hidden", "visible");
		author.path("user.comments.totalCount").entity(Integer.class).isEqualTo(2);
		singleError(this.graphQl.document(query).variable("comment", Content.id("Post", published)).execute(),
				"BAD_REQUEST", "id");
	}

}
