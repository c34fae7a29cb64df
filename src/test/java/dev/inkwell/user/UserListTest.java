package dev.inkwell.user;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.inkwell.Content;
import dev.inkwell.IntegrationTest;
import dev.inkwell.Paging;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class UserListTest extends IntegrationTest {

	static final String USERS = """
			query($first: Int, $after: String, $last: Int, $before: String, $offset: Int) {
			  users(first: $first, after: $after, last: $last, before: $before, offset: $offset) {
			    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { username email }
			  }
			}""";

	@Test
	void usersPageForwardBackwardAndByNumberInSignUpOrder() {
		Content content = new Content(this.db);
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			content.user("user" + i);
			expected.add("user" + i);
		}
		List<String> forward = Paging.follow(3, (after) -> {
			GraphQlTester.Response page = this.graphQl.document(USERS).variable("first", 3).variable("after", after)
				.execute();
			page.path("users.nodes[*].email").entityList(Object.class).satisfies((emails) -> assertThat(emails).containsOnlyNulls());
			return new Paging.Page(page.path("users.nodes[*].username").entityList(String.class).get(),
					page.path("users.pageInfo.hasNextPage").entity(Boolean.class).get(),
					page.path("users.pageInfo.endCursor").entity(String.class).get());
		});
		assertThat(forward).isEqualTo(expected);

		List<String> backward = new ArrayList<>(Paging.follow(3, (before) -> {
			GraphQlTester.Response page = this.graphQl.document(USERS).variable("last", 3).variable("before", before)
				.execute();
			List<String> names = new ArrayList<>(page.path("users.nodes[*].username").entityList(String.class).get());
			Collections.reverse(names);
			return new Paging.Page(names, page.path("users.pageInfo.hasPreviousPage").entity(Boolean.class).get(),
					page.path("users.pageInfo.startCursor").entity(String.class).get());
		}));
		Collections.reverse(backward);
		assertThat(backward).isEqualTo(expected);

		GraphQlTester.Response numbered = this.graphQl.document(USERS).variable("first", 3).variable("offset", 6).execute();
		numbered.path("users.nodes[*].username").entityList(String.class).containsExactly("user6");
		numbered.path("users.totalCount").entity(Integer.class).isEqualTo(7);
		singleError(this.graphQl.document(USERS).variable("first", 101).execute(), "BAD_REQUEST", "first");
		singleError(this.graphQl.document(USERS).variable("last", 2).variable("offset", 2).execute(), "BAD_REQUEST",
				"offset");
	}

	@Test
	void nodesMixTypesWithMissingAndHiddenIds() {
		Content content = new Content(this.db);
		Account alice = register("alice");
		long aliceId = Content.rowId(alice.id());
		long published = content.post(aliceId, "Published", true);
		long draft = content.post(aliceId, "Draft", false);
		long tag = content.tag("Java");
		long comment = content.comment(published, aliceId, "Hi");
		long hiddenComment = content.comment(draft, aliceId, "Hidden");
		List<String> ids = List.of(Content.id("Post", published), alice.id(), Content.id("Post", draft),
				Content.id("Tag", tag), Content.id("Comment", comment), Content.id("Post", 9999),
				Content.id("Comment", hiddenComment), Content.id("Tag", 9999));
		String query = """
				query($ids: [ID!]!) { nodes(ids: $ids) { __typename id
				  ... on Post { title } ... on User { username } ... on Tag { name } ... on Comment { content } } }""";
		GraphQlTester.Response anonymous = this.graphQl.document(query).variable("ids", ids).execute();
		anonymous.path("nodes").entityList(Object.class).hasSize(8);
		anonymous.path("nodes[*].__typename").entityList(String.class).containsExactly("Post", "User", "Tag", "Comment");
		anonymous.path("nodes[0].title").entity(String.class).isEqualTo("Published");
		anonymous.path("nodes[1].username").entity(String.class).isEqualTo("alice");
		anonymous.path("nodes[2]").valueIsNull();
		anonymous.path("nodes[3].name").entity(String.class).isEqualTo("Java");
		anonymous.path("nodes[4].content").entity(String.class).isEqualTo("Hi");
		anonymous.path("nodes[5]").valueIsNull();
		anonymous.path("nodes[6]").valueIsNull();
		anonymous.path("nodes[7]").valueIsNull();
		GraphQlTester.Response owner = as(alice.token()).document(query).variable("ids", ids).execute();
		owner.path("nodes[2].title").entity(String.class).isEqualTo("Draft");
		owner.path("nodes[6].content").entity(String.class).isEqualTo("Hidden");
		owner.path("nodes[5]").valueIsNull();
	}

}
