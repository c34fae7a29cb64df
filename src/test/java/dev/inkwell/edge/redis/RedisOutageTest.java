package dev.inkwell.edge.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.inkwell.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import static dev.inkwell.edge.EdgeTesting.patient;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Redis stopping and starting under a serving Inkwell: it keeps answering, says so once, and resumes. */
@ExtendWith(OutputCaptureExtension.class)
class RedisOutageTest extends IntegrationTest {

	static final ThrowawayRedis redis = new ThrowawayRedis().start();

	static final String QUERY = "{ users(first: 1) { totalCount } }";

	@DynamicPropertySource
	static void redisProperties(DynamicPropertyRegistry registry) {
		registry.add("inkwell.redis.url", redis::url);
		registry.add("spring.data.redis.url", redis::url);
		registry.add("inkwell.redis.timeout", () -> "5s");   // generous on a busy machine: a stopped Redis fails fast anyway
		// A fresh context on a busy machine may take longer than the default 2 s for its first connection.
		registry.add("spring.r2dbc.pool.max-acquire-time", () -> "20s");
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@Test
	void whileRedisIsAwayPersistedQueriesMissRequestsStillRunAndItAllResumes(CapturedOutput output) {
		String hash = sha256(QUERY);
		assertThat(registerUntilKnown(hash)).contains("\"totalCount\":0");

		redis.stop();
		Instant before = Instant.now();
		assertThat(hashOnly(hash)).contains("PERSISTED_QUERY_NOT_FOUND");
		assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(10));
		assertThat(register(hash, QUERY)).contains("\"totalCount\":0");
		assertThat(hashOnly(hash)).contains("PERSISTED_QUERY_NOT_FOUND");
		assertThat(output.getOut()).contains("Redis is unavailable");

		redis.start();
		assertThat(registerUntilKnown(hash)).contains("\"totalCount\":0");
		assertThat(output.getOut()).contains("Redis answers again");
	}

	/** Registers the query until its hash alone runs (Redis may take a moment to accept connections). */
	private String registerUntilKnown(String hash) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		String answer;
		do {
			register(hash, QUERY);
			answer = hashOnly(hash);
		}
		while (answer.contains("PERSISTED_QUERY_NOT_FOUND") && Instant.now().isBefore(deadline) && pause());
		return answer;
	}

	private String register(String hash, String query) {
		return post(Map.of("query", query, "extensions", persisted(hash)));
	}

	private String hashOnly(String hash) {
		return post(Map.of("extensions", persisted(hash)));
	}

	private String post(Map<String, Object> body) {
		return patient(this.http).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
			.bodyValue(JsonMapper.builder().build().writeValueAsString(body)).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
	}

	private static Map<String, Object> persisted(String hash) {
		return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
	}

	private static boolean pause() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return true;
	}

	private static String sha256(String text) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
