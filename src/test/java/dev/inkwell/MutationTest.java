package dev.inkwell;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** What the mutation tests share: superusers, posts and comments made through the API, and counts. */
public abstract class MutationTest extends IntegrationTest {

	/** A registered user made superuser; the flag is read on every request, so the token works at once. */
	protected Account superuser(String username) {
		Account account = register(username);
		this.db.sql("UPDATE users SET is_superuser = true WHERE username = :username")
			.bind("username", username)
			.then()
			.block();
		return account;
	}

	/** The tester with the given token and a timeout that allows for many requests at once on a busy machine. */
	protected HttpGraphQlTester patiently(String token) {
		return as(token).mutate()
			.webTestClient((client) -> client.responseTimeout(Duration.ofSeconds(60)))
			.responseTimeout(Duration.ofSeconds(60))
			.build();
	}

	protected GraphQlTester.Response createPost(String token, Map<String, Object> input) {
		return patiently(token).documentName("createPost").variable("input", input).execute();
	}

	/** Creates a post and returns its global id. */
	protected String post(Account author, String title, boolean published, String... tags) {
		Map<String, Object> input = new HashMap<>(Map.of("title", title, "content", "Body of " + title,
				"published", published));
		if (tags.length > 0) {
			input.put("tags", Arrays.asList(tags));
		}
		return createPost(author.token(), input).path("createPost.id").entity(String.class).get();
	}

	/** Adds a comment and returns its global id. */
	protected String comment(Account author, String postId, String content) {
		return as(author.token()).documentName("addComment")
			.variable("input", Map.of("postId", postId, "content", content))
			.execute()
			.path("addComment.id")
			.entity(String.class)
			.get();
	}

	protected long count(String sql) {
		return this.db.sql(sql).map((row) -> row.get(0, Long.class)).one().block();
	}

	protected List<String> strings(String sql) {
		return this.db.sql(sql).map((row) -> row.get(0, String.class)).all().collectList().block();
	}

	protected Map<String, Object> row(String sql) {
		return this.db.sql(sql).fetch().one().block();
	}

	/** The row id inside a global id, for checking the database. */
	protected static long rowId(String globalId) {
		String raw = new String(Base64.getUrlDecoder().decode(globalId), StandardCharsets.UTF_8);
		return Long.parseLong(raw.substring(raw.indexOf(':') + 1));
	}

	protected static List<ResponseError> errors(GraphQlTester.Response response) {
		List<ResponseError> found = new ArrayList<>();
		response.errors().satisfy(found::addAll);
		return found;
	}

	/** Runs the calls on as many threads, released at the same moment. */
	protected static <T> List<T> inParallel(int count, IntFunction<Callable<T>> call) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				Callable<T> task = call.apply(i);
				futures.add(threads.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

}
