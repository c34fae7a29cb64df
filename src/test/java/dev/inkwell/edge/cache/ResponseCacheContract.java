package dev.inkwell.edge.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared response cache, whichever store holds it: anonymous public reads are served from it
 * (without a statement), signed-in ones and errors never are, and every kind of change a mutation
 * makes shows in the very next read. Subclasses choose the store.
 */
abstract class ResponseCacheContract extends ResponseCacheTesting {

	@Test
	void aRepeatedAnonymousReadIsServedFromTheCacheWithoutAStatement() {
		String id = createPost(this.ada, "Hello", true);
		assertThat(read(FEED)).contains("Hello");
		double hits = count("hit");
		this.statements.reset();
		JsonNode again = json.readTree(read(FEED));
		assertThat(again.at("/data/posts/nodes/0/id").asString()).isEqualTo(id);
		assertThat(count("hit")).isEqualTo(hits + 1);
		assertThat(this.statements.statements()).isEmpty();
		// Over GET too, with its max-age and an ETag equal to the one of the answer it was computed for.
		EntityExchangeResult<String> first = get(FEED);
		EntityExchangeResult<String> second = get(FEED);
		assertThat(second.getResponseHeaders().getCacheControl()).matches("public, max-age=([1-9]|[12][0-9]|30)");
		assertThat(second.getResponseHeaders().getETag()).isEqualTo(first.getResponseHeaders().getETag());
		// Variables are part of the key.
		String byTitle = "query($n: Int) { posts(first: $n) { nodes { title } } }";
		assertThat(post(byTitle, Map.of("n", 1), null)).contains("Hello");
		assertThat(post(byTitle, Map.of("n", 0), null)).doesNotContain("Hello");
	}

	@Test
	void signedInReadersAndErrorsNeverComeFromTheCache() {
		createPost(this.ada, "Public", true);
		createPost(this.ada, "Ada's draft", false);
		read(FEED);
		assertThat(read(FEED)).doesNotContain("draft");
		// The author sees their draft: a signed-in request is never answered from the cache.
		assertThat(post(FEED, Map.of(), this.ada.token())).contains("Ada's draft");
		double misses = count("miss");
		String failing = "{ post(id: \"not-an-id\") { title } }";
		assertThat(post(failing, Map.of(), null)).contains("BAD_REQUEST");
		assertThat(post(failing, Map.of(), null)).contains("BAD_REQUEST");
		assertThat(count("miss")).isEqualTo(misses + 2);   // the error was not kept
	}

	@Test
	void aNewPostAndAPublishedDraftShowInTheNextFeedRead() {
		createPost(this.ada, "First", true);
		warm(FEED);
		createPost(this.ada, "Second", true);
		assertThat(read(FEED)).contains("Second");
		String draft = createPost(this.ada, "Third", false);
		warm(FEED);
		assertThat(read(FEED)).doesNotContain("Third");
		as(this.ada.token()).document("mutation($id: ID!) { publishPost(id: $id) { published } }").variable("id", draft)
			.executeAndVerify();
		assertThat(read(FEED)).contains("Third");
		as(this.ada.token()).document("mutation($id: ID!) { unpublishPost(id: $id) { published } }").variable("id", draft)
			.executeAndVerify();
		assertThat(read(FEED)).doesNotContain("Third");
	}

	@Test
	void aMutationInsideAnHttpBatchInvalidatesToo() {
		createPost(this.ada, "First", true);
		warm(FEED);
		String batch = this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.headers((headers) -> headers.setBearerAuth(this.ada.token()))
			.bodyValue(List.of(Map.of("query", "{ posts(first: 1) { totalCount } }"),
					Map.of("query", "mutation { createPost(input: {title: \"Batched\", content: \"Body\", "
							+ "published: true}) { id } }")))
			.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(batch).startsWith("[").contains("createPost");
		assertThat(read(FEED)).contains("Batched");
	}

	@Test
	void anEditedTitleShowsInTheNextReadOfThePostAndOfTheFeed() {
		String id = createPost(this.ada, "Before", true);
		String page = "query($id: ID!) { post(id: $id) { title version } }";
		warm(FEED);
		warmPost(page, Map.of("id", id));
		as(this.ada.token()).document("mutation($id: ID!) { updatePost(input: {id: $id, expectedVersion: 1, "
				+ "title: \"After\"}) { version } }").variable("id", id).executeAndVerify();
		assertThat(read(FEED)).contains("After").doesNotContain("Before");
		assertThat(post(page, Map.of("id", id), null)).contains("After");
	}

	@Test
	void aDeletedCommentDisappearsFromTheNextRead() {
		String postId = createPost(this.ada, "Commented", true);
		String commentId = as(this.ada.token()).documentName("addComment")
			.variable("input", Map.of("postId", postId, "content", "Soon gone"))
			.execute().path("addComment.id").entity(String.class).get();
		warm(FEED);
		assertThat(read(FEED)).contains("Soon gone").contains("\"commentCount\":1");
		as(this.ada.token()).documentName("deleteComment").variable("id", commentId).executeAndVerify();
		assertThat(read(FEED)).doesNotContain("Soon gone").contains("\"commentCount\":0");
	}

	@Test
	void aRenamedTagShowsInTheNextReadOfItsPostsAndOfTheTagList() {
		this.db.sql("UPDATE users SET is_superuser = true WHERE username = 'ada'").then().block();
		createPost(this.ada, "Tagged", true);
		String tags = "{ tags(first: 10) { nodes { name postCount } } }";
		warm(FEED);
		warm(tags);
		String tagId = post("{ tags(first: 1) { nodes { id } } }", Map.of(), null).replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		as(this.ada.token()).documentName("updateTag").variable("input", Map.of("id", tagId, "name", "Renamed"))
			.executeAndVerify();
		assertThat(read(FEED)).contains("Renamed").doesNotContain("Java");
		assertThat(read(tags)).contains("Renamed");
	}

	@Test
	void aDeletedUsersPostsDisappearFromTheNextRead() {
		Account bob = register("bob");
		createPost(bob, "Bob's post", true);
		createPost(this.ada, "Ada's post", true);
		String users = "{ users(first: 10) { totalCount nodes { username postCount } } }";
		warm(FEED);
		warm(users);
		as(bob.token()).documentName("deleteUser").variable("id", bob.id()).executeAndVerify();
		assertThat(read(FEED)).doesNotContain("Bob's post").contains("Ada's post");
		assertThat(read(users)).doesNotContain("bob");
		// A profile change shows too.
		as(this.ada.token()).document("mutation { updateMe(input: {username: \"ada2\"}) { username } }").executeAndVerify();
		assertThat(read(FEED)).contains("ada2");
	}

	/**
	 * Writers edit posts while readers read them: a read that starts after an edit was answered
	 * never sees an older title, whether it was computed, or served from the cache, or both.
	 */
	@Test
	void noReadThatStartsAfterAnEditWasAnsweredSeesTheOlderState() throws Exception {
		int posts = 2;
		int edits = 12;
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < posts; i++) {
			ids.add(createPost(this.ada, "p" + i + "-v0", true));
		}
		String query = "{ posts(first: 10) { nodes { id title } } }";
		AtomicIntegerArray answered = new AtomicIntegerArray(posts);   // the last version whose edit answered
		AtomicBoolean writing = new AtomicBoolean(true);
		ConcurrentLinkedQueue<String> stale = new ConcurrentLinkedQueue<>();
		ExecutorService pool = Executors.newFixedThreadPool(posts + 3);
		try {
			List<Future<?>> writers = new ArrayList<>();
			for (int p = 0; p < posts; p++) {
				int post = p;
				writers.add(pool.submit(() -> {
					for (int v = 1; v <= edits; v++) {
						post("mutation($id: ID!, $v: Int!, $t: String!) { updatePost(input: {id: $id, expectedVersion: $v, "
								+ "title: $t}) { version } }", Map.of("id", ids.get(post), "v", v, "t", "p" + post + "-v" + v),
								this.ada.token());
						answered.set(post, v);
					}
					return null;
				}));
			}
			List<Future<Integer>> readers = new ArrayList<>();
			for (int r = 0; r < 3; r++) {
				readers.add(pool.submit(() -> {
					int reads = 0;
					while (writing.get()) {
						int[] before = new int[posts];
						for (int p = 0; p < posts; p++) {
							before[p] = answered.get(p);
						}
						JsonNode nodes = json.readTree(post(query, Map.of(), null)).at("/data/posts/nodes");
						for (JsonNode node : nodes) {
							String title = node.path("title").asString();
							int p = Integer.parseInt(title.substring(1, title.indexOf('-')));
							int seen = Integer.parseInt(title.substring(title.indexOf("-v") + 2));
							if (seen < before[p]) {
								stale.add(title + " read after version " + before[p] + " was answered");
							}
						}
						reads++;
					}
					return reads;
				}));
			}
			for (Future<?> writer : writers) {
				writer.get(5, TimeUnit.MINUTES);
			}
			writing.set(false);
			int reads = 0;
			for (Future<Integer> reader : readers) {
				reads += reader.get(1, TimeUnit.MINUTES);
			}
			assertThat(reads).isGreaterThan(posts * edits);
		}
		finally {
			writing.set(false);
			pool.shutdownNow();
		}
		assertThat(stale).isEmpty();
		assertThat(count("hit")).isPositive();   // the cache was in play, not bypassed
		assertThat(read(query)).contains("p0-v" + edits).contains("p1-v" + edits);
	}

}
