package dev.inkwell.edge;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.inkwell.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The real {@code @apollo/client} (npm) against this running Inkwell: persisted queries over GET,
 * HTTP batching, the cache headers, and a write followed by a fresh read, with the response cache on
 * ({@code src/test/apollo/client.mjs}, whose cases this runs and reads). Needs Node.js 20 or newer and npm on the PATH; without them this
 * test fails, saying so. {@code npm ci} installs the locked packages when they are missing or
 * the lock file changed.
 */
class ApolloClientTest extends IntegrationTest {

	private static final Path SCRIPTS = Path.of("src", "test", "apollo");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final List<String> CASES = List.of(
			"persisted query: the first request registers, the second is one hash-only GET",
			"batch: three operations go in one request and are all answered",
			"a write, signed in, then a fresh read sees it",
			"cache headers: a hash-only GET is public with an ETag and revalidates with 304; POST is no-store",
			"cache headers: a signed-in GET is private, no-store");

	/** On, as in production: the write-then-read case reads the feed into it before writing. */
	@DynamicPropertySource
	static void responseCacheOn(DynamicPropertyRegistry registry) {
		registry.add("inkwell.cache.response-cache", () -> "true");
	}

	@LocalServerPort
	int port;

	@Test
	void apolloClientWorksAgainstInkwell() throws Exception {
		requireNode();
		installPackages();
		register("apollo");
		Result run = run(List.of("node", "client.mjs", "http://127.0.0.1:" + this.port + "/graphql", "apollo", PASSWORD),
				180);
		List<JsonNode> cases = new ArrayList<>();
		for (String line : run.output().split("\n")) {
			if (line.startsWith("{\"case\"")) {
				cases.add(json.readTree(line));
			}
		}
		assertThat(cases).as(run.output()).extracting((each) -> each.get("case").asString()).containsAll(CASES);
		for (JsonNode each : cases) {
			assertThat(each.get("ok").asBoolean()).as(each.get("case").asString() + ": " + each.path("error").asString())
				.isTrue();
		}
		assertThat(run.exitCode()).as(run.output()).isZero();
	}

	private static void requireNode() throws InterruptedException {
		Result node;
		try {
			node = run(List.of("node", "--version"), 30);
		}
		catch (IOException ex) {
			node = null;
		}
		if (node == null || node.exitCode() != 0 || !node.output().matches("(?s)v(2\\d|[3-9]\\d)\\..*")) {
			fail("ApolloClientTest needs Node.js 20 or newer and npm on the PATH (found: "
					+ ((node != null) ? node.output().trim() : "no 'node' command") + "). Install them "
					+ "(https://nodejs.org) and run the tests again");
		}
	}

	/** npm ci, unless node_modules already holds exactly what the lock file says. */
	private static void installPackages() throws Exception {
		Path lock = SCRIPTS.resolve("package-lock.json");
		Path installed = SCRIPTS.resolve("node_modules").resolve(".package-lock.json");
		if (Files.exists(installed) && Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lock)) >= 0) {
			return;
		}
		Result install;
		try {
			install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 600);
		}
		catch (IOException ex) {
			throw new AssertionError("ApolloClientTest needs npm on the PATH (it comes with Node.js 20 or newer)", ex);
		}
		assertThat(install.exitCode()).as("npm ci in " + SCRIPTS + ":\n" + install.output()).isZero();
	}

	private static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
		File log = File.createTempFile("apollo-client-test", ".log");
		try {
			Process process = new ProcessBuilder(command).directory(SCRIPTS.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log)
				.start();
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
				fail(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s:\n"
						+ Files.readString(log.toPath(), StandardCharsets.UTF_8));
			}
			return new Result(process.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(log.toPath());
		}
	}

	private record Result(int exitCode, String output) {
	}

}
