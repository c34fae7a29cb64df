package dev.inkwell.comment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.inkwell.MutationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class CommentMutationTest extends MutationTest {

	// --- addComment

	@Test
	void anySignedInUserCommentsOnAVisiblePost() {
		Account ada = register("ada");
		Account bob = register("bob");
		String postId = post(ada, "Hello", true);
		GraphQlTester.Response response = add(bob, postId, "Nice post");
		response.path("addComment.content").entity(String.class).isEqualTo("Nice post");
		response.path("addComment.version").entity(Integer.class).isEqualTo(1);
		assertThat(strings("SELECT u.username FROM comments c JOIN users u ON u.id = c.author_id"))
			.containsExactly("bob");
		assertThat(count("SELECT post_id FROM comments")).isEqualTo(rowId(postId));
	}

	@Test
	void commentsOnADraftOnlyByThoseWhoSeeIt() {
		Account ada = register("ada");
		Account bob = register("bob");
		Account admin = superuser("admin");
		String draft = post(ada, "Draft", false);
		add(ada, draft, "Note to self").errors().verify();
		add(admin, draft, "Editor's note").errors().verify();
		assertThat(singleError(add(bob, draft, "Sneaky"), "NOT_FOUND", null).getMessage())
			.isEqualTo("No post with id '" + draft + "'");
		assertThat(count("SELECT count(*) FROM comments")).isEqualTo(2);
	}

	@Test
	void addCommentNeedsASignedInUserAnExistingPostAndAPostId() {
		Account ada = register("ada");
		String postId = post(ada, "Hello", true);
		singleError(this.graphQl.documentName("addComment")
			.variable("input", Map.of("postId", postId, "content", "Anonymous"))
			.execute(), "UNAUTHORIZED", null);
		singleError(add(ada, ada.id(), "Wrong type"), "BAD_REQUEST", "input.postId");
		this.db.sql("DELETE FROM posts").then().block();
		singleError(add(ada, postId, "Too late"), "NOT_FOUND", null);
		assertThat(count("SELECT count(*) FROM comments")).isZero();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 10_001 })
	void contentMustBeOneToTenThousandCharactersAndNotBlank(int length) {
		Account ada = register("ada");
		String postId = post(ada, "Hello", true);
		String content = (length == 1) ? " " : "x".repeat(length);
		singleError(add(ada, postId, content), "BAD_REQUEST", "input.content");
		assertThat(count("SELECT count(*) FROM comments")).isZero();
		add(ada, postId, "x".repeat(10_000)).errors().verify();
		add(ada, postId, "x").errors().verify();
	}

	// --- updateComment

	@Test
	void authorEditsTheCommentWithTheCurrentVersion() {
		Account ada = register("ada");
		String commentId = comment(ada, post(ada, "Hello", true), "Frist");
		GraphQlTester.Response response = update(ada, commentId, 1, "First");
		response.path("updateComment.content").entity(String.class).isEqualTo("First");
		response.path("updateComment.version").entity(Integer.class).isEqualTo(2);
		ResponseError stale = singleError(update(ada, commentId, 1, "Lost"), "CONFLICT", "input.expectedVersion");
		assertThat(stale.getExtensions()).containsEntry("currentVersion", 2);
		update(ada, commentId, 2, "First").path("updateComment.version").entity(Integer.class).isEqualTo(2);
		assertThat(strings("SELECT content FROM comments")).containsExactly("First");
	}

	@Test
	void onlyItsAuthorEditsAComment() {
		Account ada = register("ada");
		Account bob = register("bob");
		Account admin = superuser("admin");
		String postId = post(ada, "Hello", true);
		String bobs = comment(bob, postId, "Bob's");
		singleError(update(ada, bobs, 1, "Post author's edit"), "FORBIDDEN", null);
		singleError(update(admin, bobs, 1, "Superuser's edit"), "FORBIDDEN", null);
		singleError(this.graphQl.documentName("updateComment")
			.variable("input", Map.of("id", bobs, "expectedVersion", 1, "content", "Anonymous"))
			.execute(), "UNAUTHORIZED", null);
		update(bob, bobs, 1, "Bob's, edited").errors().verify();
		assertThat(strings("SELECT content FROM comments")).containsExactly("Bob's, edited");
	}

	@Test
	void commentsOnSomeoneElsesDraftAreNotFound() {
		Account ada = register("ada");
		Account bob = register("bob");
		String draft = post(ada, "Draft", false);
		String comment = comment(ada, draft, "Mine");
		singleError(update(bob, comment, 1, "Edit"), "NOT_FOUND", null);
		singleError(delete(bob, comment), "NOT_FOUND", null);
		assertThat(count("SELECT count(*) FROM comments")).isOne();
	}

	@Test
	void invalidCommentUpdateChangesNothing() {
		Account ada = register("ada");
		String commentId = comment(ada, post(ada, "Hello", true), "Keep");
		singleError(update(ada, commentId, 1, ""), "BAD_REQUEST", "input.content");
		singleError(update(ada, commentId, 1, "x".repeat(10_001)), "BAD_REQUEST", "input.content");
		singleError(update(ada, "nonsense", 1, "x"), "BAD_REQUEST", "input.id");
		assertThat(strings("SELECT content || '/' || version FROM comments")).containsExactly("Keep/1");
	}

	@Test
	void concurrentEditsOfOneVersionLetExactlyOneWin() throws Exception {
		Account ada = register("ada");
		String commentId = comment(ada, post(ada, "Hello", true), "Original");
		List<GraphQlTester.Response> responses = inParallel(20,
				(i) -> () -> patiently(ada.token()).documentName("updateComment")
					.variable("input", Map.of("id", commentId, "expectedVersion", 1, "content", "Edit " + i))
					.execute());
		List<String> winners = new ArrayList<>();
		for (GraphQlTester.Response response : responses) {
			List<ResponseError> errors = errors(response);
			if (errors.isEmpty()) {
				response.path("updateComment.version").entity(Integer.class).isEqualTo(2);
				winners.add(response.path("updateComment.content").entity(String.class).get());
			}
			else {
				// Every loser lost the race, not to a busy pool or an internal error.
				assertThat(errors).hasSize(1);
				assertError(errors.get(0), "CONFLICT", "input.expectedVersion");
				assertThat(errors.get(0).getExtensions()).containsEntry("currentVersion", 2);
			}
		}
		assertThat(winners).hasSize(1);
		assertThat(winners.get(0)).matches("Edit \\d+");
		assertThat(strings("SELECT content || '/' || version FROM comments")).containsExactly(winners.get(0) + "/2");
	}

	// --- deleteComment

	@Test
	void commentAuthorPostAuthorAndSuperuserMayDelete() {
		Account ada = register("ada");
		Account bob = register("bob");
		Account admin = superuser("admin");
		String postId = post(ada, "Hello", true);
		delete(bob, comment(bob, postId, "by its author")).errors().verify();
		delete(ada, comment(bob, postId, "by the post's author")).errors().verify();
		String third = comment(bob, postId, "by a superuser");
		delete(admin, third).path("deleteComment").entity(String.class).isEqualTo(third);
		assertThat(count("SELECT count(*) FROM comments")).isZero();
	}

	@Test
	void othersMayNotDeleteAComment() {
		Account ada = register("ada");
		Account bob = register("bob");
		Account carol = register("carol");
		String comment = comment(bob, post(ada, "Hello", true), "Bob's");
		singleError(delete(carol, comment), "FORBIDDEN", null);
		singleError(this.graphQl.documentName("deleteComment").variable("id", comment).execute(), "UNAUTHORIZED",
				null);
		delete(bob, comment);
		singleError(delete(bob, comment), "NOT_FOUND", null);
	}

	private GraphQlTester.Response add(Account account, String postId, String content) {
		return as(account.token()).documentName("addComment")
			.variable("input", new HashMap<>(Map.of("postId", postId, "content", content)))
			.execute();
	}

	private GraphQlTester.Response update(Account account, String id, int version, String content) {
		return as(account.token()).documentName("updateComment")
			.variable("input", Map.of("id", id, "expectedVersion", version, "content", content))
			.execute();
	}

	private GraphQlTester.Response delete(Account account, String id) {
		return as(account.token()).documentName("deleteComment").variable("id", id).execute();
	}

}
