package dev.inkwell.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.inkwell.MutationTest;
import dev.inkwell.SchemaDamage;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Many clients at the same moment, for real: parallel HTTP requests against PostgreSQL. */
class PostConcurrencyTest extends MutationTest {

	@Test
	void fiftyPostsWithTheSameTitleAtOnceAllGetDistinctSlugs() throws Exception {
		Account ada = register("ada");
		long start = System.nanoTime();
		List<GraphQlTester.Response> responses = inParallel(50, (i) -> () -> createPost(ada.token(),
				Map.of("title", "Breaking News", "content", "Take " + i, "published", true)));
		System.out.println("50 posts took " + (System.nanoTime() - start) / 1_000_000 + " ms");
		List<String> slugs = new ArrayList<>();
		for (GraphQlTester.Response response : responses) {
			slugs.add(response.errors().verify().path("createPost.slug").entity(String.class).get());
		}
		assertThat(slugs).hasSize(50).doesNotHaveDuplicates().contains("breaking-news", "breaking-news-2")
			.allMatch((slug) -> slug.startsWith("breaking-news"));
		assertThat(count("SELECT count(DISTINCT slug) FROM posts")).isEqualTo(50);
	}

	@Test
	void postsNamingTheSameNewTagsAtOnceCreateEachTagOnce() throws Exception {
		Account ada = register("ada");
		String[][] spellings = { { "Concurrency", "Java" }, { "concurrency", "JAVA" }, { "CONCURRENCY", "java" } };
		List<GraphQlTester.Response> responses = inParallel(30, (i) -> () -> createPost(ada.token(),
				Map.of("title", "Post " + i, "content", "Body", "tags", List.of(spellings[i % 3]))));
		responses.forEach((response) -> response.errors().verify());
		assertThat(count("SELECT count(*) FROM tags")).isEqualTo(2);
		assertThat(strings("SELECT lower(name) || '/' || slug FROM tags ORDER BY slug"))
			.containsExactly("concurrency/concurrency", "java/java");
		assertThat(count("SELECT count(*) FROM post_tags")).isEqualTo(60);
	}

	@Test
	void concurrentUpdatesOfOneVersionLetExactlyOneWin() throws Exception {
		Account ada = register("ada");
		String id = post(ada, "Contested", true);
		List<GraphQlTester.Response> responses = inParallel(20, (i) -> () -> patiently(ada.token()).documentName("updatePost")
			.variable("input", Map.of("id", id, "expectedVersion", 1, "title", "Edit " + i, "tags", List.of("t" + i)))
			.execute());
		int successes = 0;
		for (GraphQlTester.Response response : responses) {
			List<ResponseError> errors = errors(response);
			if (errors.isEmpty()) {
				successes++;
				response.path("updatePost.version").entity(Integer.class).isEqualTo(2);
			}
			else {
				assertThat(errors).hasSize(1);
				assertError(errors.get(0), "CONFLICT", "input.expectedVersion");
				assertThat(errors.get(0).getExtensions()).containsEntry("currentVersion", 2);
			}
		}
		assertThat(successes).isOne();
		assertThat(count("SELECT version FROM posts".replace("version", "version::bigint"))).isEqualTo(2);
		assertThat(count("SELECT count(*) FROM post_tags")).as("only the winner's tags are linked").isOne();
	}

	/** The second half of createPost (the tag links) fails in the database: the post must not survive. */
	@Test
	void aFailureWhileLinkingTagsRollsBackThePostAndItsNewTags() {
		Account ada = register("ada");
		String kept = post(ada, "Kept", true, "Old");
		failTagLinks(() -> {
			GraphQlTester.Response response = createPost(ada.token(),
					Map.of("title", "Doomed", "content", "Body", "tags", List.of("Old", "Brand New")));
			assertThat(singleError(response, "INTERNAL_ERROR", null).getMessage()).startsWith("Internal error; quote id");
			GraphQlTester.Response update = as(ada.token()).documentName("updatePost")
				.variable("input", Map.of("id", kept, "expectedVersion", 1, "title", "Changed", "tags",
						List.of("Another New")))
				.execute();
			singleError(update, "INTERNAL_ERROR", null);
		});
		assertThat(strings("SELECT title || '/' || version FROM posts")).containsExactly("Kept/1");
		assertThat(strings("SELECT name FROM tags")).containsExactly("Old");
		assertThat(count("SELECT count(*) FROM post_tags")).isOne();
	}

	private void failTagLinks(Runnable during) {
		SchemaDamage.failTagLinks(this.db);
		try {
			during.run();
		}
		finally {
			SchemaDamage.repair(this.db);
		}
	}

}
