package dev.inkwell.edge.cache;

import java.util.Map;
import java.util.UUID;

import dev.inkwell.RunningInkwell;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Inkwell instances sharing one Redis (and one database): what one computed, the other serves;
 * what one changed, the other never serves from before the change.
 */
class SharedResponseCacheTest {

	private static final String DATABASE = System.getenv().getOrDefault("INKWELL_TEST_DB", "inkwell_test") + "_rcache";

	private static final String FEED = "{ posts(first: 10) { nodes { title author { username } tags { name } } } }";

	private static RunningInkwell first;

	private static RunningInkwell second;

	@BeforeAll
	static void startTwoInstances() {
		String url = "postgresql://postgres:postgres@127.0.0.1:5432/" + DATABASE;
		String[] shared = { "--spring.r2dbc.pool.max-acquire-time=20s", "--inkwell.redis.url=redis://127.0.0.1:6379",
				"--spring.data.redis.url=redis://127.0.0.1:6379",
				"--inkwell.redis.key-prefix=inkwell-test-" + UUID.randomUUID() + ":",
				"--inkwell.cache.response-cache=true" };
		first = RunningInkwell.start(url, shared);
		second = RunningInkwell.start(url, shared);
		first.context()
			.getBean(org.springframework.r2dbc.core.DatabaseClient.class)
			.sql("TRUNCATE users, posts, comments, tags, post_tags, login_attempts RESTART IDENTITY CASCADE")
			.then()
			.block();
	}

	@AfterAll
	static void stopBoth() {
		if (first != null) {
			first.close();
		}
		if (second != null) {
			second.close();
		}
	}

	@Test
	void oneInstanceServesWhatTheOtherCachedAndNeitherServesWhatTheOtherChanged() throws Exception {
		String token = first.register("ada");
		String id = first.data("mutation { createPost(input: {title: \"Shared\", content: \"Body\", tags: [\"T\"], "
				+ "published: true}) { id } }", Map.of(), token).at("/createPost/id").asString();
		assertThat(first.data(FEED, Map.of(), null).toString()).contains("Shared");

		double hits = hits(second);
		assertThat(second.data(FEED, Map.of(), null).toString()).contains("Shared");
		assertThat(hits(second)).as("computed on the first, served by the second").isEqualTo(hits + 1);

		second.data("mutation($id: ID!) { updatePost(input: {id: $id, expectedVersion: 1, title: \"Edited\"}) "
				+ "{ version } }", Map.of("id", id), token);
		assertThat(first.data(FEED, Map.of(), null).toString()).contains("Edited").doesNotContain("Shared");
		assertThat(second.data(FEED, Map.of(), null).toString()).contains("Edited");

		first.data("mutation($id: ID!) { deletePost(id: $id) }", Map.of("id", id), token);
		assertThat(second.data(FEED, Map.of(), null).at("/posts/nodes").size()).isZero();
	}

	private static double hits(RunningInkwell instance) {
		return instance.context().getBean(MeterRegistry.class).counter("inkwell.response.cache.requests", "result", "hit")
			.count();
	}

}
