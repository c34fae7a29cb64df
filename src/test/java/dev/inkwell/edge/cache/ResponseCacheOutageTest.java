package dev.inkwell.edge.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import dev.inkwell.edge.redis.ThrowawayRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis stopping under a serving Inkwell with a warm response cache: reads bypass the cache and
 * stay correct, a mutation made meanwhile answers, one line says Redis is away; and once Redis is
 * back (with its data, entries from before the mutation included), the next read already shows the
 * mutation, and the cache is used again.
 */
@ExtendWith(OutputCaptureExtension.class)
class ResponseCacheOutageTest extends ResponseCacheTesting {

	static final Path data = temporaryDirectory();

	static final ThrowawayRedis redis = new ThrowawayRedis(data).start();

	@DynamicPropertySource
	static void redisProperties(DynamicPropertyRegistry registry) {
		registry.add("inkwell.redis.url", redis::url);
		registry.add("spring.data.redis.url", redis::url);
		registry.add("inkwell.redis.timeout", () -> "5s");   // a stopped Redis fails fast anyway
		registry.add("spring.r2dbc.pool.max-acquire-time", () -> "20s");
		registry.add("inkwell.cache.max-age", () -> "300s");   // the entry from before the outage outlives it
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@Test
	void whileRedisIsAwayReadsBypassTheCacheAndOnceBackNoReadSeesWhatChangedMeanwhile(CapturedOutput output)
			throws Exception {
		createPost(this.ada, "Before the outage", true);
		warm(FEED);

		redis.stop();
		double bypasses = count("bypass");
		assertThat(read(FEED)).contains("Before the outage");
		createPost(this.ada, "During the outage", true);
		assertThat(read(FEED)).contains("During the outage");
		assertThat(count("bypass")).isGreaterThan(bypasses);
		String log = output.getOut();
		assertThat(log.split("Redis is unavailable", -1)).as("one line says Redis is away").hasSize(2);

		double hits = count("hit");
		redis.start();   // with the entry cached before the mutation, and the versions it was stored under
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (count("hit") == hits) {
			// Every read, the first ones after Redis is back included, shows the mutation.
			assertThat(read(FEED)).contains("During the outage");
			assertThat(Instant.now()).as("the cache is used again").isBefore(deadline);
			Thread.sleep(200);
		}
		assertThat(output.getOut()).contains("Redis answers again");
		assertThat(read(FEED)).contains("During the outage");
	}

	private static Path temporaryDirectory() {
		try {
			Path directory = Files.createTempDirectory("inkwell-redis-");
			directory.toFile().deleteOnExit();
			return directory;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
