package dev.inkwell.post;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.inkwell.MutationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class PostMutationTest extends MutationTest {

	// --- createPost

	@Test
	void createPostReturnsTheDraftWithASlugAndVersionOne() {
		Account ada = register("ada");
		GraphQlTester.Response response = createPost(ada.token(),
				Map.of("title", "Héllo, Wörld! Ça va?", "content", "Body", "excerpt", "Short"));
		response.path("createPost.title").entity(String.class).isEqualTo("Héllo, Wörld! Ça va?");
		response.path("createPost.slug").entity(String.class).isEqualTo("hello-world-ca-va");
		response.path("createPost.excerpt").entity(String.class).isEqualTo("Short");
		response.path("createPost.published").entity(Boolean.class).isEqualTo(false);
		response.path("createPost.publishedAt").valueIsNull();
		response.path("createPost.version").entity(Integer.class).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM posts p JOIN users u ON u.id = p.author_id WHERE u.username = 'ada'"))
			.isOne();
	}

	@Test
	void createPostPublishedAtOnceStampsPublishedAt() {
		Account ada = register("ada");
		GraphQlTester.Response response = createPost(ada.token(),
				Map.of("title", "Live", "content", "Body", "published", true));
		response.path("createPost.published").entity(Boolean.class).isEqualTo(true);
		assertThat(response.path("createPost.publishedAt").entity(OffsetDateTime.class).get())
			.isCloseTo(OffsetDateTime.now(), org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MINUTES));
	}

	@Test
	void createPostNeedsASignedInUser() {
		singleError(this.graphQl.documentName("createPost")
			.variable("input", Map.of("title", "Anonymous", "content", "Body"))
			.execute(), "UNAUTHORIZED", null);
		assertThat(count("SELECT count(*) FROM posts")).isZero();
	}

	@Test
	void slugsAreUniqueAndFallBackForTitlesWithoutLatinLetters() {
		Account ada = register("ada");
		assertThat(slugOf(post(ada, "Same Title", true))).isEqualTo("same-title");
		assertThat(slugOf(post(ada, "same title!", true))).isEqualTo("same-title-2");
		assertThat(slugOf(post(ada, "Same -- Title", false))).isEqualTo("same-title-3");
		assertThat(slugOf(post(ada, "Привет, мир", true))).isEqualTo("post");
		assertThat(slugOf(post(ada, "日本語", true))).isEqualTo("post-2");
	}

	@Test
	void tagsAreTrimmedMatchedCaseInsensitivelyAndKeepTheirFirstSpelling() {
		Account ada = register("ada");
		String first = post(ada, "First", true, "PostgreSQL", "  postgresql ", "GraphQL");
		String second = post(ada, "Second", true, "POSTGRESQL", "Java");
		assertThat(strings("SELECT name || '/' || slug FROM tags ORDER BY id"))
			.containsExactly("GraphQL/graphql", "PostgreSQL/postgresql", "Java/java");
		assertThat(tagsOf(first)).containsExactly("GraphQL", "PostgreSQL");
		assertThat(tagsOf(second)).containsExactly("Java", "PostgreSQL");
	}

	@Test
	void tagsWhoseSlugsCollideGetDistinctSlugs() {
		Account ada = register("ada");
		post(ada, "Languages", true, "C++", "C#", "Ça");
		assertThat(strings("SELECT name || '/' || slug FROM tags ORDER BY name"))
			.containsExactlyInAnyOrder("C#/c", "C++/c-2", "Ça/ca");
	}

	@ParameterizedTest
	@ValueSource(strings = { "title:", "title:   ", "title:201", "content:", "content:  ", "excerpt:301" })
	void createPostRejectsInvalidFields(String rule) {
		Account ada = register("ada");
		String field = rule.substring(0, rule.indexOf(':'));
		Map<String, Object> input = new HashMap<>(Map.of("title", "Fine", "content", "Fine"));
		input.put(field, value(rule.substring(rule.indexOf(':') + 1)));
		singleError(createPost(ada.token(), input), "BAD_REQUEST", "input." + field);
		assertThat(count("SELECT count(*) FROM posts")).isZero();
	}

	@Test
	void titleOfExactly200AndExcerptOf300CharactersAreAccepted() {
		Account ada = register("ada");
		createPost(ada.token(), Map.of("title", "t".repeat(200), "content", "c", "excerpt", "e".repeat(300))).errors()
			.verify();
		assertThat(count("SELECT count(*) FROM posts")).isOne();
	}

	@Test
	void atMostTenTagsPerPost() {
		Account ada = register("ada");
		List<String> eleven = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k");
		assertThat(singleError(createPost(ada.token(), Map.of("title", "T", "content", "C", "tags", eleven)),
				"BAD_REQUEST", "input.tags").getMessage()).contains("at most 10");
		createPost(ada.token(), Map.of("title", "T", "content", "C", "tags", eleven.subList(0, 10))).errors().verify();
		assertThat(count("SELECT count(*) FROM post_tags")).isEqualTo(10);
	}

	@Test
	void tagNamesMustBeOneToFiftyCharactersAfterTrimming() {
		Account ada = register("ada");
		assertThat(singleError(createPost(ada.token(), Map.of("title", "T", "content", "C", "tags", List.of("ok", "   "))),
				"BAD_REQUEST", "input.tags[1]").getMessage()).contains("1 to 50 characters");
		singleError(createPost(ada.token(), Map.of("title", "T", "content", "C", "tags", List.of("x".repeat(51)))),
				"BAD_REQUEST", "input.tags[0]");
		assertThat(count("SELECT count(*) FROM posts")).isZero();
		assertThat(count("SELECT count(*) FROM tags")).isZero();
		createPost(ada.token(), Map.of("title", "T", "content", "C", "tags", List.of("  " + "x".repeat(50) + "  ")))
			.errors()
			.verify();
		assertThat(strings("SELECT name FROM tags")).containsExactly("x".repeat(50));
	}

	// --- updatePost

	@Test
	void updatePostChangesFieldsBumpsVersionAndKeepsTheSlug() {
		Account ada = register("ada");
		String id = post(ada, "Original", false);
		OffsetDateTime before = updatedAt(id);
		GraphQlTester.Response response = update(ada, Map.of("id", id, "expectedVersion", 1, "title", "Renamed",
				"content", "New body", "excerpt", "New excerpt"));
		response.path("updatePost.title").entity(String.class).isEqualTo("Renamed");
		response.path("updatePost.content").entity(String.class).isEqualTo("New body");
		response.path("updatePost.excerpt").entity(String.class).isEqualTo("New excerpt");
		response.path("updatePost.slug").entity(String.class).isEqualTo("original");
		response.path("updatePost.version").entity(Integer.class).isEqualTo(2);
		assertThat(updatedAt(id)).isAfter(before);

		update(ada, Map.of("id", id, "expectedVersion", 2, "excerpt", "")).path("updatePost.excerpt").valueIsNull();
	}

	@Test
	void regenerateSlugMakesANewUniqueSlugFromTheTitle() {
		Account ada = register("ada");
		post(ada, "Taken", true);
		String id = post(ada, "Original", true);
		update(ada, Map.of("id", id, "expectedVersion", 1, "title", "Taken", "regenerateSlug", true))
			.path("updatePost.slug")
			.entity(String.class)
			.isEqualTo("taken-2");
		update(ada, Map.of("id", id, "expectedVersion", 2, "title", "Fresh Start", "regenerateSlug", true))
			.path("updatePost.slug")
			.entity(String.class)
			.isEqualTo("fresh-start");
	}

	@Test
	void updatePostReplacesTheTagSetAndCountsItAsAChange() {
		Account ada = register("ada");
		String id = post(ada, "Tagged", true, "Java", "Spring");
		update(ada, Map.of("id", id, "expectedVersion", 1, "tags", List.of("spring", "GraphQL")))
			.path("updatePost.version")
			.entity(Integer.class)
			.isEqualTo(2);
		assertThat(tagsOf(id)).containsExactly("GraphQL", "Spring");
		update(ada, Map.of("id", id, "expectedVersion", 2, "tags", List.of())).path("updatePost.version")
			.entity(Integer.class)
			.isEqualTo(3);
		assertThat(tagsOf(id)).isEmpty();
		assertThat(count("SELECT count(*) FROM tags")).as("tags outlive their links").isEqualTo(3);
	}

	@Test
	void updateThatChangesNothingKeepsVersionAndUpdatedAt() {
		Account ada = register("ada");
		String id = post(ada, "Same", true, "Java");
		OffsetDateTime before = updatedAt(id);
		update(ada, Map.of("id", id, "expectedVersion", 1, "title", "Same", "tags", List.of("java")))
			.path("updatePost.version")
			.entity(Integer.class)
			.isEqualTo(1);
		assertThat(updatedAt(id)).isEqualTo(before);
	}

	@Test
	void staleVersionIsAConflictCarryingTheCurrentVersion() {
		Account ada = register("ada");
		String id = post(ada, "Versioned", true);
		update(ada, Map.of("id", id, "expectedVersion", 1, "title", "Second"));
		var error = singleError(update(ada, Map.of("id", id, "expectedVersion", 1, "title", "Lost update")),
				"CONFLICT", "input.expectedVersion");
		assertThat(error.getExtensions()).containsEntry("currentVersion", 2);
		assertThat(error.getMessage()).contains("version 2");
		assertThat(strings("SELECT title FROM posts")).containsExactly("Second");
	}

	@Test
	void invalidUpdateChangesNothing() {
		Account ada = register("ada");
		String id = post(ada, "Keep", true, "Java");
		singleError(update(ada, Map.of("id", id, "expectedVersion", 1, "title", " ")), "BAD_REQUEST", "input.title");
		singleError(update(ada, Map.of("id", id, "expectedVersion", 1, "title", "x".repeat(201))), "BAD_REQUEST",
				"input.title");
		singleError(update(ada, Map.of("id", id, "expectedVersion", 1, "content", "")), "BAD_REQUEST",
				"input.content");
		singleError(update(ada, Map.of("id", id, "expectedVersion", 1, "excerpt", "x".repeat(301))), "BAD_REQUEST",
				"input.excerpt");
		singleError(update(ada, Map.of("id", id, "expectedVersion", 1, "title", "Changed", "tags", List.of("ok", ""))),
				"BAD_REQUEST", "input.tags[1]");
		singleError(update(ada, Map.of("id", "not-an-id", "expectedVersion", 1)), "BAD_REQUEST", "input.id");
		assertThat(strings("SELECT title || '/' || version FROM posts")).containsExactly("Keep/1");
		assertThat(tagsOf(id)).containsExactly("Java");
	}

	// --- publishPost / unpublishPost

	@Test
	void publishStampsPublishedAtOnceAndUnpublishKeepsIt() {
		Account ada = register("ada");
		String id = post(ada, "Draft", false);
		GraphQlTester.Response published = publish("publishPost", ada, id);
		published.path("publishPost.published").entity(Boolean.class).isEqualTo(true);
		published.path("publishPost.version").entity(Integer.class).isEqualTo(2);
		OffsetDateTime publishedAt = published.path("publishPost.publishedAt").entity(OffsetDateTime.class).get();

		GraphQlTester.Response again = publish("publishPost", ada, id);
		again.path("publishPost.publishedAt").entity(OffsetDateTime.class).isEqualTo(publishedAt);
		again.path("publishPost.version").entity(Integer.class).isEqualTo(2);

		GraphQlTester.Response unpublished = publish("unpublishPost", ada, id);
		unpublished.path("unpublishPost.published").entity(Boolean.class).isEqualTo(false);
		unpublished.path("unpublishPost.publishedAt").entity(OffsetDateTime.class).isEqualTo(publishedAt);
		unpublished.path("unpublishPost.version").entity(Integer.class).isEqualTo(3);

		publish("publishPost", ada, id).path("publishPost.publishedAt")
			.entity(OffsetDateTime.class)
			.isEqualTo(publishedAt);
	}

	// --- permissions of every mutation on an existing post

	@ParameterizedTest
	@ValueSource(strings = { "updatePost", "deletePost", "publishPost", "unpublishPost" })
	void authorAndSuperuserMayChangeAPost(String mutation) {
		Account ada = register("ada");
		Account admin = superuser("admin");
		// Each post starts where the mutation has something to change: publishing acts on a draft.
		boolean published = !mutation.equals("publishPost");
		String own = post(ada, "Mine", published);
		String others = post(ada, "Someone's", published);
		String draft = post(ada, "Someone's draft", false);
		act(mutation, ada, own).errors().verify();
		act(mutation, admin, others).errors().verify();
		act(mutation, admin, draft).errors().verify();
		assertThat(state(own)).isEqualTo(changed(mutation, "Mine", published));
		assertThat(state(others)).isEqualTo(changed(mutation, "Someone's", published));
		assertThat(state(draft)).isEqualTo(changed(mutation, "Someone's draft", false));
	}

	@ParameterizedTest
	@ValueSource(strings = { "updatePost", "deletePost", "publishPost", "unpublishPost" })
	void anotherUserIsForbiddenOnAVisiblePostAndFindsNoDraft(String mutation) {
		Account ada = register("ada");
		Account bob = register("bob");
		String published = post(ada, "Published", true);
		String draft = post(ada, "Draft", false);
		assertThat(singleError(act(mutation, bob, published), "FORBIDDEN", null).getMessage()).contains("author");
		String notFound = singleError(act(mutation, bob, draft), "NOT_FOUND", null).getMessage();
		assertThat(notFound).isEqualTo("No post with id '" + draft + "'");
		assertThat(strings("SELECT title || '/' || published || '/' || version FROM posts ORDER BY id"))
			.containsExactly("Published/true/1", "Draft/false/1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "updatePost", "deletePost", "publishPost", "unpublishPost" })
	void anonymousRequestsAreUnauthorizedAndMissingPostsNotFound(String mutation) {
		Account ada = register("ada");
		String id = post(ada, "Published", true);
		String draft = post(ada, "Draft", false);
		singleError(act(mutation, null, id), "UNAUTHORIZED", null);
		singleError(act(mutation, null, draft), "UNAUTHORIZED", null);
		assertThat(state(id)).isEqualTo("Published/true/1");
		assertThat(state(draft)).isEqualTo("Draft/false/1");
		this.db.sql("DELETE FROM posts").then().block();
		singleError(act(mutation, ada, id), "NOT_FOUND", null);
		assertThat(count("SELECT count(*) FROM posts")).isZero();
	}

	@Test
	void idsOfAnotherTypeAreBadRequests() {
		Account ada = register("ada");
		singleError(act("deletePost", ada, ada.id()), "BAD_REQUEST", "id");
	}

	// --- deletePost

	@Test
	void deletePostRemovesItsCommentsAndTagLinksButNotTheTags() {
		Account ada = register("ada");
		Account bob = register("bob");
		String id = post(ada, "Doomed", true, "Java", "Spring");
		String kept = post(ada, "Kept", true, "Java");
		comment(bob, id, "First!");
		comment(ada, kept, "Stays");
		act("deletePost", ada, id).path("deletePost").entity(String.class).isEqualTo(id);
		assertThat(strings("SELECT title FROM posts")).containsExactly("Kept");
		assertThat(strings("SELECT content FROM comments")).containsExactly("Stays");
		assertThat(count("SELECT count(*) FROM post_tags")).isOne();
		assertThat(count("SELECT count(*) FROM tags")).isEqualTo(2);
	}

	private GraphQlTester.Response act(String mutation, Account account, String postId) {
		GraphQlTester tester = (account != null) ? as(account.token()) : this.graphQl;
		if (mutation.equals("updatePost")) {
			return tester.documentName(mutation)
				.variable("input", Map.of("id", postId, "expectedVersion", 1, "title", "Changed"))
				.execute();
		}
		return tester.documentName(mutation).variable("id", postId).execute();
	}

	/** A post's row as title/published/version, or "gone". */
	private String state(String id) {
		List<String> rows = strings("SELECT title || '/' || published || '/' || version FROM posts WHERE id = " + rowId(id));
		return rows.isEmpty() ? "gone" : rows.get(0);
	}

	/** What {@link #act} leaves of a post at version 1. */
	private static String changed(String mutation, String title, boolean published) {
		return switch (mutation) {
			case "updatePost" -> "Changed/" + published + "/2";
			case "deletePost" -> "gone";
			case "publishPost" -> title + "/true/" + (published ? 1 : 2);
			case "unpublishPost" -> title + "/false/" + (published ? 2 : 1);
			default -> throw new IllegalArgumentException(mutation);
		};
	}

	private GraphQlTester.Response update(Account account, Map<String, Object> input) {
		return as(account.token()).documentName("updatePost").variable("input", input).execute();
	}

	private GraphQlTester.Response publish(String mutation, Account account, String id) {
		return as(account.token()).documentName(mutation).variable("id", id).execute();
	}

	private static Object value(String spec) {
		return spec.chars().allMatch(Character::isDigit) && !spec.isEmpty() ? "x".repeat(Integer.parseInt(spec))
				: spec;
	}

	private String slugOf(String id) {
		return row("SELECT slug FROM posts WHERE id = " + rowId(id)).get("slug").toString();
	}

	private List<String> tagsOf(String id) {
		return strings("SELECT t.name FROM tags t JOIN post_tags pt ON pt.tag_id = t.id WHERE pt.post_id = "
				+ rowId(id) + " ORDER BY t.name");
	}

	private OffsetDateTime updatedAt(String id) {
		return this.db.sql("SELECT updated_at FROM posts WHERE id = " + rowId(id))
			.map((row) -> row.get(0, OffsetDateTime.class))
			.one()
			.block();
	}

}
