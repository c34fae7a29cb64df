package dev.inkwell.lifecycle;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.inkwell.InkwellApplication;
import dev.inkwell.database.ThrowawayPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM, for real: Inkwell runs in a process of its own (this test's class path), configured
 * through its environment variables as an operator would, against a throw-away PostgreSQL. A
 * mutation is kept in flight by a row lock this test holds; then the process gets SIGTERM. Readiness
 * must turn DOWN while Inkwell still answers (SHUTDOWN_DRAIN_DELAY), then Inkwell stops accepting
 * connections but lets the mutation finish once the lock goes, and exits. Waits are generous: on a
 * busy machine starting a JVM alone can take a minute.
 */
class GracefulShutdownTest {

	private static final String DATABASE = "inkwell_shutdown";

	private static final Duration START_UP = Duration.ofMinutes(3);

	private static final Duration STEP = Duration.ofSeconds(60);

	private static final Duration DRAIN_DELAY = Duration.ofSeconds(8);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private ThrowawayPostgres postgres;

	private Process inkwell;

	private Path log;

	private int port;

	@BeforeEach
	void startInkwellInAProcessOfItsOwn() throws Exception {
		this.postgres = ThrowawayPostgres.create();
		this.postgres.start();
		this.port = freePort();
		Path directory = Files.createTempDirectory("inkwell-shutdown-");
		this.log = directory.resolve("inkwell.log");
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				InkwellApplication.class.getName())
			.directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.log.toFile());
		Map<String, String> environment = builder.environment();
		environment.keySet().removeIf((name) -> !name.equals("PATH") && !name.equals("HOME"));
		environment.put("DATABASE_URL",
				"postgresql://postgres:unused@127.0.0.1:" + this.postgres.port() + "/" + DATABASE);
		environment.put("PORT", String.valueOf(this.port));
		environment.put("SHUTDOWN_DRAIN_DELAY", DRAIN_DELAY.toSeconds() + "s");
		environment.put("SHUTDOWN_TIMEOUT", "60s");
		// The mutation waits for the test's lock longer than the defaults would allow.
		environment.put("DB_STATEMENT_TIMEOUT", "120s");
		environment.put("REQUEST_TIMEOUT", "120s");
		this.inkwell = builder.start();
		await(START_UP, "readiness UP", () -> status("/actuator/health/readiness") == 200);
	}

	@AfterEach
	void stopEverything() throws Exception {
		if (this.inkwell != null && this.inkwell.isAlive()) {
			this.inkwell.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
		if (this.log != null) {
			try (Stream<Path> files = Files.walk(this.log.getParent())) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	@Test
	void sigtermTurnsReadinessDownThenLetsTheRequestInFlightFinishThenExits() throws Exception {
		JsonNode registered = graphQl("mutation { register(input: {username: \"ada\", email: \"ada@example.com\", "
				+ "password: \"correct-horse-battery\"}) { token } }", null).join();
		String token = registered.at("/data/register/token").asString();
		JsonNode created = graphQl("mutation { createPost(input: {title: \"Before\", content: \"Body\"}) { id } }", token)
			.join();
		String postId = created.at("/data/createPost/id").asString();
		assertThat(postId).as(created.toString()).isNotEmpty();

		CompletableFuture<JsonNode> inFlight;
		try (Connection locker = this.postgres.connect(DATABASE)) {
			locker.setAutoCommit(false);
			try (Statement statement = locker.createStatement()) {
				statement.execute("SELECT id FROM posts FOR UPDATE");
			}
			inFlight = graphQl("mutation($id: ID!) { updatePost(input: {id: $id, expectedVersion: 1, "
					+ "title: \"After\"}) { title version } }", token, Map.of("id", postId));
			await(STEP, "the mutation waiting for the lock", () -> sessionsWaitingForALock() == 1);

			long signalled = System.nanoTime();
			this.inkwell.destroy(); // SIGTERM
			await(STEP, "readiness DOWN while still answering", () -> {
				assertThat(this.inkwell.isAlive()).as("alive while draining; log:\n" + logTail()).isTrue();
				return status("/actuator/health/readiness") == 503;
			});
			JsonNode during = graphQl("{ __typename }", null).get(STEP.toSeconds(), TimeUnit.SECONDS);
			assertThat(during.at("/data/__typename").asString()).as("served while draining").isEqualTo("Query");
			assertThat(inFlight).as("the mutation is still waiting for the lock").isNotDone();

			await(STEP, "new connections refused", () -> !accepts());
			// A lower bound only, which a busy machine cannot break: the drain delay came first.
			assertThat(Duration.ofNanos(System.nanoTime() - signalled)).as("accepting connections after SIGTERM")
				.isGreaterThanOrEqualTo(DRAIN_DELAY);
			// Longer than Netty's own shutdown of its event loops (15 s), so that only the graceful
			// shutdown's wait for requests in flight can keep this one alive.
			long holdUntil = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (System.nanoTime() < holdUntil) {
				assertThat(this.inkwell.isAlive()).as("waits for the request in flight; log:\n" + logTail()).isTrue();
				assertThat(inFlight).as("the mutation is still waiting for the lock").isNotDone();
				Thread.sleep(200);
			}
			locker.rollback();
		}

		JsonNode answer = inFlight.get(STEP.toSeconds(), TimeUnit.SECONDS);
		assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
		assertThat(answer.at("/data/updatePost/title").asString()).as(answer.toString()).isEqualTo("After");
		assertThat(this.inkwell.waitFor(STEP.toSeconds(), TimeUnit.SECONDS)).as("exited; log:\n" + logTail()).isTrue();
		// The JVM's answer to SIGTERM once its shutdown hooks (Spring's graceful shutdown) are done.
		assertThat(this.inkwell.exitValue()).as(logTail()).isEqualTo(128 + 15);
		assertThat(Files.readString(this.log)).contains("Graceful shutdown complete");
		assertThat(titles()).containsExactly("After");
	}

	private CompletableFuture<JsonNode> graphQl(String query, String token) {
		return graphQl(query, token, Map.of());
	}

	/** Posts a GraphQL request; the answer must be HTTP 200. */
	private CompletableFuture<JsonNode> graphQl(String query, String token, Map<String, Object> variables) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.timeout(Duration.ofMinutes(3))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString(json.writeValueAsString(Map.of("query", query, "variables", variables))));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply((response) -> {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return json.readTree(response.body());
		});
	}

	/** The status of a GET on a fresh connection, or -1 if no connection is accepted. */
	private int status(String path) throws InterruptedException {
		try {
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.timeout(Duration.ofSeconds(20))
				.build();
			return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	private boolean accepts() throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			return true;
		}
		catch (ConnectException ex) {
			return false;
		}
	}

	private int sessionsWaitingForALock() throws SQLException {
		try (Connection connection = this.postgres.connect(DATABASE);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity "
						+ "WHERE application_name = 'inkwell' AND wait_event_type = 'Lock'")) {
			rows.next();
			return rows.getInt(1);
		}
	}

	private List<String> titles() throws SQLException {
		try (Connection connection = this.postgres.connect(DATABASE);
				PreparedStatement statement = connection.prepareStatement("SELECT title FROM posts");
				ResultSet rows = statement.executeQuery()) {
			List<String> titles = new java.util.ArrayList<>();
			while (rows.next()) {
				titles.add(rows.getString(1));
			}
			return titles;
		}
	}

	private String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private void await(Duration limit, String what, Condition condition) throws Exception {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!condition.holds()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("no " + what + " within " + limit + "; Inkwell's log:\n" + logTail());
			}
			if (!this.inkwell.isAlive() && !what.equals("new connections refused")) {
				throw new AssertionError("Inkwell exited (" + this.inkwell.exitValue() + ") waiting for " + what
						+ "; log:\n" + logTail());
			}
			Thread.sleep(100);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@FunctionalInterface
	private interface Condition {

		boolean holds() throws Exception;

	}

}
