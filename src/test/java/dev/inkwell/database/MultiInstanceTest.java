package dev.inkwell.database;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.inkwell.RunningInkwell;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Inkwell instances (two whole servers, as behind a load balancer) on one database: whatever one
 * answers, the other knows. Nothing that must be shared lives in an instance: a write answered by
 * one is read back by the next request on the other, a token one issued is honoured by the other, a
 * query persisted through one (automatic persisted queries, in Redis) is known to the other, and the
 * login rate limit counts attempts made on either; what one put in the response cache the other
 * serves, and neither serves a cached answer from before a change the other made.
 */
class MultiInstanceTest {

	private static final String DATABASE = System.getenv().getOrDefault("INKWELL_TEST_DB", "inkwell_test") + "_multi";

	private static final int REGISTRATIONS_PER_ADDRESS = 4;

	private static RunningInkwell first;

	private static RunningInkwell second;

	@BeforeAll
	static void startTwoInstances() {
		String url = "postgresql://postgres:postgres@127.0.0.1:5432/" + DATABASE;
		String[] shared = { "--inkwell.auth.login-attempts-per-window=3",
				"--inkwell.auth.register-attempts-per-window=" + REGISTRATIONS_PER_ADDRESS,
				// The registration test's client address comes from X-Forwarded-For, apart from the other tests'.
				"--inkwell.trusted-proxies=127.0.0.1/32", "--spring.r2dbc.pool.max-acquire-time=20s",
				"--inkwell.redis.url=redis://127.0.0.1:6379",
				"--spring.data.redis.url=redis://127.0.0.1:6379",
				"--inkwell.redis.key-prefix=inkwell-test-" + UUID.randomUUID() + ":",
				// Every request here goes through the API, so the shared response cache is on.
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
	void aWriteAnsweredByOneInstanceIsSeenByTheNextReadOnTheOther() throws Exception {
		String token = first.register("ada");
		String id = first.data("mutation { createPost(input: {title: \"On the first\", content: \"Body\", "
				+ "tags: [\"Shared\"], published: true}) { id } }", Map.of(), token)
			.at("/createPost/id")
			.asString();
		// The token the first instance issued is honoured by the second.
		assertThat(second.data("{ me { username } }", Map.of(), token).at("/me/username").asString()).isEqualTo("ada");
		assertThat(second.data("query($id: ID!) { post(id: $id) { title tags { name } } }", Map.of("id", id), null)
			.at("/post/title")
			.asString()).isEqualTo("On the first");

		second.data("mutation($id: ID!) { updatePost(input: {id: $id, expectedVersion: 1, title: \"Edited on the second\"}) "
				+ "{ version } }", Map.of("id", id), token);
		assertThat(first.data("{ posts(first: 1) { nodes { title version } } }", Map.of(), null)
			.at("/posts/nodes/0/title")
			.asString()).isEqualTo("Edited on the second");
		// An edit on one and a stale edit on the other: the version check holds across instances.
		JsonNode stale = first.graphQl("mutation($id: ID!) { updatePost(input: {id: $id, expectedVersion: 1, "
				+ "title: \"Lost update\"}) { version } }", Map.of("id", id), token);
		assertThat(stale.at("/errors/0/extensions/classification").asString()).isEqualTo("CONFLICT");
	}

	@Test
	void aQueryPersistedThroughOneInstanceIsKnownToTheOther() throws Exception {
		String query = "{ tags(first: 3) { totalCount } }";
		String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8)));
		Map<String, Object> extensions = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
		JsonNode unknown = second.post(Map.of("extensions", extensions));
		assertThat(unknown.at("/errors/0/message").asString()).as(unknown.toString()).isEqualTo("PersistedQueryNotFound");
		JsonNode registered = first.post(Map.of("query", query, "extensions", extensions));
		assertThat(registered.path("errors").isMissingNode()).as(registered.toString()).isTrue();
		JsonNode byHash = second.post(Map.of("extensions", extensions));
		assertThat(byHash.at("/data/tags/totalCount").isInt()).as(byHash.toString()).isTrue();
	}

	@Test
	void theLoginRateLimitCountsAttemptsOnEveryInstance() throws Exception {
		first.register("grace");
		String wrong = "mutation { login(input: {login: \"grace\", password: \"wrong-password\"}) { token } }";
		assertThat(first.graphQl(wrong, Map.of(), null).at("/errors/0/extensions/classification").asString())
			.isEqualTo("UNAUTHORIZED");
		assertThat(second.graphQl(wrong, Map.of(), null).at("/errors/0/extensions/classification").asString())
			.isEqualTo("UNAUTHORIZED");
		assertThat(first.graphQl(wrong, Map.of(), null).at("/errors/0/extensions/classification").asString())
			.isEqualTo("UNAUTHORIZED");
		// The fourth attempt within the minute, on the other instance: refused, even with the right password.
		JsonNode limited = second.graphQl(
				"mutation { login(input: {login: \"grace\", password: \"correct-horse-battery\"}) { token } }", Map.of(),
				null);
		assertThat(limited.at("/errors/0/extensions/code").asString()).as(limited.toString()).isEqualTo("RATE_LIMITED");
	}

	@Test
	void theRegistrationRateLimitCountsSignUpsOnEveryInstance() throws Exception {
		Map<String, String> from = Map.of("X-Forwarded-For", "198.51.100.7");
		String register = "mutation($u: String!, $e: String!) { register(input: {username: $u, email: $e, "
				+ "password: \"correct-horse-battery\"}) { token } }";
		for (String name : List.of("regfirst1", "regfirst2")) {
			JsonNode accepted = first.graphQl(register, Map.of("u", name, "e", name + "@example.com"), null, from);
			assertThat(accepted.at("/data/register/token").isString()).as(accepted.toString()).isTrue();
		}
		// Each instance counting only its own would let the second take all four.
		int acceptedBySecond = 0;
		JsonNode refused = null;
		for (int attempt = 1; attempt <= REGISTRATIONS_PER_ADDRESS + 1 && refused == null; attempt++) {
			String name = "regsecond" + attempt;
			JsonNode answer = second.graphQl(register, Map.of("u", name, "e", name + "@example.com"), null, from);
			if (answer.at("/data/register/token").isString()) {
				acceptedBySecond++;
			}
			else {
				refused = answer;
			}
		}
		assertThat(acceptedBySecond).isEqualTo(REGISTRATIONS_PER_ADDRESS - 2);
		assertThat(refused).isNotNull();
		assertThat(refused.at("/errors/0/extensions/code").asString()).as(refused.toString()).isEqualTo("RATE_LIMITED");
	}

	@Test
	void oneInstanceServesWhatTheOtherCachedAndNeitherServesWhatTheOtherChanged() throws Exception {
		String feed = "{ posts(first: 10) { nodes { title author { username } tags { name } } } }";
		String token = first.register("cachet");
		String id = first.data("mutation { createPost(input: {title: \"Cached\", content: \"Body\", tags: [\"T\"], "
				+ "published: true}) { id } }", Map.of(), token).at("/createPost/id").asString();
		assertThat(first.data(feed, Map.of(), null).toString()).contains("Cached");

		double hits = cacheHits(second);
		assertThat(second.data(feed, Map.of(), null).toString()).contains("Cached");
		assertThat(cacheHits(second)).as("computed on the first, served by the second").isEqualTo(hits + 1);

		second.data("mutation($id: ID!) { updatePost(input: {id: $id, expectedVersion: 1, title: \"Recached\"}) "
				+ "{ version } }", Map.of("id", id), token);
		assertThat(first.data(feed, Map.of(), null).toString()).contains("Recached").doesNotContain("\"Cached\"");
		assertThat(second.data(feed, Map.of(), null).toString()).contains("Recached");

		first.data("mutation($id: ID!) { deletePost(id: $id) }", Map.of("id", id), token);
		assertThat(second.data(feed, Map.of(), null).toString()).doesNotContain("Recached");
	}

	private static double cacheHits(RunningInkwell instance) {
		return instance.context().getBean(MeterRegistry.class).counter("inkwell.response.cache.requests", "result", "hit")
			.count();
	}

}
