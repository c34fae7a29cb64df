package dev.inkwell.post;

import java.time.OffsetDateTime;
import java.util.List;

import dev.inkwell.Content;
import dev.inkwell.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list of posts reads the content column only when its selection shows content (under any
 * alias or fragment), for the posts query, an author's posts and a tag's posts alike.
 */
class PostColumnSelectionTest extends IntegrationTest {

	@BeforeEach
	void seed() {
		Content content = new Content(this.db);
		long ada = content.user("ada");
		long post = content.post(ada, "Hello", "The body", true, OffsetDateTime.parse("2026-01-01T00:00:00Z"));
		content.tagPost(post, content.tag("java"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{ posts { nodes { title } } }", "{ user(username: \"ada\") { posts { nodes { title } } } }",
			"{ tag(slug: \"java\") { posts { edges { node { title } } } } }" })
	void aListOfTitlesDoesNotReadContent(String query) {
		List<String> posts = postStatements(query);
		assertThat(posts).singleElement().asString().doesNotContain("p.content").contains("NULL::text AS content");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{ posts { nodes { title content } } }",
			"{ posts { edges { node { ... on Post { title body: content } } } } }",
			"{ posts { nodes { ...F } } } fragment F on Post { title content }",
			"{ user(username: \"ada\") { posts { nodes { title content } } } }",
			"{ tag(slug: \"java\") { posts { edges { node { title content } } } } }" })
	void aListShowingContentReadsIt(String query) {
		assertThat(postStatements(query)).singleElement().asString().contains("p.content");
		assertThat(this.graphQl.document(query).execute().returnResponse().toString()).contains("The body");
	}

	@Test
	void aListOfTitlesAndAListWithContentInOneRequestEachGetWhatTheyShow() {
		GraphQlTester.Response response = this.graphQl
			.document("{ titles: posts { nodes { title content2: excerpt } } full: posts { nodes { content } } }")
			.execute();
		response.path("titles.nodes[0].title").entity(String.class).isEqualTo("Hello");
		response.path("full.nodes[0].content").entity(String.class).isEqualTo("The body");
	}

	/** The statements that read posts' columns, for the query. */
	private List<String> postStatements(String query) {
		this.statements.reset();
		this.graphQl.document(query).execute().errors().verify();
		return this.statements.statements().stream().filter((sql) -> sql.contains("p.published_at")).toList();
	}

}
