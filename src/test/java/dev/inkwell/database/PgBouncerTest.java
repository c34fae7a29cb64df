package dev.inkwell.database;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.inkwell.RunningInkwell;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Inkwell behind a real PgBouncer 1.18 in transaction mode with three server connections shared by
 * six client connections of Inkwell's: any statement that relied on session state (a named prepared
 * statement, a SET) would meet another client's session, or lose its own, between transactions.
 * (Start-up needs three: the start-up turn's, and Flyway's two, as it holds its lock on one
 * connection while it migrates on another; see {@link StartupTurn}.)
 * The statement timeout comes from the pooler's {@code connect_query}, as the README says.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class PgBouncerTest {

	private static final String DATABASE = "inkwell_pooled";

	private static ThrowawayPostgres postgres;

	private static ThrowawayPgBouncer bouncer;

	private static RunningInkwell inkwell;

	@BeforeAll
	static void start() {
		postgres = ThrowawayPostgres.create();
		postgres.start();
		// Through PgBouncer a missing database looks like a failed login: it is created beforehand.
		postgres.execute("postgres", "CREATE DATABASE " + DATABASE);
		bouncer = ThrowawayPgBouncer.start(postgres.port(), 3, "SET statement_timeout = 2000", "extra_float_digits");
		inkwell = RunningInkwell.start("postgresql://postgres:unused@127.0.0.1:" + bouncer.port() + "/" + DATABASE,
				"--inkwell.database.pooler=pgbouncer", "--spring.r2dbc.pool.initial-size=4",
				"--spring.r2dbc.pool.max-size=6", "--spring.r2dbc.pool.max-acquire-time=10s");
	}

	@AfterAll
	static void stop() {
		if (inkwell != null) {
			inkwell.close();
		}
		if (bouncer != null) {
			bouncer.close();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void everyFlowWorksWithThreeServerConnectionsSharedBySixClientConnections() throws Exception {
		String alice = inkwell.register("alice");
		String bob = inkwell.register("bob");
		String post = inkwell.data("mutation { createPost(input: {title: \"Pooled\", content: \"Body\", "
				+ "tags: [\"PgBouncer\", \"Scale\"], published: true}) { id version } }", Map.of(), alice)
			.at("/createPost/id")
			.asString();
		inkwell.data("mutation($id: ID!) { updatePost(input: {id: $id, expectedVersion: 1, title: \"Pooled, edited\", "
				+ "tags: [\"PgBouncer\"]}) { version } }", Map.of("id", post), alice);
		inkwell.data("mutation($id: ID!) { addComment(input: {postId: $id, content: \"Nice\"}) { id } }",
				Map.of("id", post), bob);
		inkwell.data("mutation { login(input: {login: \"bob\", password: \"correct-horse-battery\"}) { token } }",
				Map.of(), null);

		// Many requests at once, each on whichever client connection, all through three server connections.
		ExecutorService clients = Executors.newFixedThreadPool(8);
		try {
			List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				int n = i;
				answers.add(CompletableFuture.supplyAsync(() -> {
					try {
						return switch (n % 4) {
							case 0 -> inkwell.graphQl("{ posts(first: 10) { totalCount nodes { title author { username } "
									+ "tags { name } commentCount comments(first: 5) { nodes { content author { username } } } } } }",
									Map.of(), null);
							case 1 -> inkwell.graphQl("{ me { username posts(first: 5) { totalCount } } }", Map.of(), alice);
							case 2 -> inkwell.graphQl("mutation($id: ID!, $c: String!) { addComment(input: {postId: $id, "
									+ "content: $c}) { id } }", Map.of("id", post, "c", "Comment " + n), bob);
							default -> inkwell.graphQl("{ tags(first: 5, orderBy: {field: POST_COUNT, direction: DESC}) "
									+ "{ nodes { name postCount } } }", Map.of(), null);
						};
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				}, clients));
			}
			for (CompletableFuture<JsonNode> answer : answers) {
				JsonNode response = answer.get(60, TimeUnit.SECONDS);
				assertThat(response.path("errors").isMissingNode()).as(response.toString()).isTrue();
			}
		}
		finally {
			clients.shutdown();
		}
		JsonNode feed = inkwell.data("{ posts(first: 1) { nodes { title tags { name } commentCount } } }", Map.of(), null);
		assertThat(feed.at("/posts/nodes/0/title").asString()).isEqualTo("Pooled, edited");
		assertThat(feed.at("/posts/nodes/0/tags/0/name").asString()).isEqualTo("PgBouncer");
		assertThat(feed.at("/posts/nodes/0/commentCount").asInt()).isEqualTo(11);
	}

	/**
	 * The cluster's case: an instance starting on a database another one has migrated, and an instance
	 * stopped (what SIGTERM does: the context closes) and started again, all through this pooler whose
	 * server connections outlive Inkwell's client connections. Start-up's locks (the start-up turn's
	 * and Flyway's) must end with their transactions: a session lock left on a pooled server connection
	 * would be met by the next start on another one, which would wait until the pooler's statement
	 * timeout cancelled it. None may be left behind, whichever server connection the next start gets.
	 * And an instance whose turn it is not waits, past the statement timeout, without being cancelled.
	 */
	@Test
	@Order(Integer.MAX_VALUE) // Last: closing an instance in this JVM stops Reactor Netty's shared resources, the first one's too.
	void anotherInstanceStartsOnTheMigratedDatabaseAndStartsAgainAfterStopping(CapturedOutput output) throws Exception {
		assertThat(inkwell.context().getBean(Flyway.class).getConfiguration().getPluginRegister()
			.getExact(PostgreSQLConfigurationExtension.class).isTransactionalLock()).as("Flyway's lock is transactional")
			.isTrue();
		assertThat(advisoryLocks()).as("advisory locks left by the first instance's start").isEmpty();

		// Another instance has the start-up turn for twice the statement timeout: this one waits, then starts.
		RunningInkwell second;
		try (Connection other = postgres.connect(DATABASE); Statement statement = other.createStatement()) {
			other.setAutoCommit(false);
			statement.execute("SELECT pg_advisory_xact_lock(" + StartupTurn.LOCK + ")");
			CompletableFuture<RunningInkwell> starting = CompletableFuture.supplyAsync(PgBouncerTest::startThroughThePooler);
			RunningInkwell.await(Duration.ofSeconds(60), () -> output.getOut().contains("up to date; waiting for it to finish"));
			Thread.sleep(4_000);
			assertThat(starting).as("started (or failed) while another instance had the turn").isNotDone();
			other.rollback();
			second = starting.get(90, TimeUnit.SECONDS);
		}
		for (String run : List.of("second instance", "second instance, restarted")) {
			try {
				assertThat(second.data("{ posts(first: 1) { totalCount } }", Map.of(), null).at("/posts/totalCount")
					.isInt()).as(run).isTrue();
				assertThat(advisoryLocks()).as("advisory locks left by the start of the " + run).isEmpty();
			}
			finally {
				second.close();
			}
			if (run.equals("second instance")) {
				second = assertTimeoutPreemptively(Duration.ofSeconds(90), PgBouncerTest::startThroughThePooler,
						"the restarted instance did not start in time");
			}
		}
	}

	private static RunningInkwell startThroughThePooler() {
		return RunningInkwell.start("postgresql://postgres:unused@127.0.0.1:" + bouncer.port() + "/" + DATABASE,
				"--inkwell.database.pooler=pgbouncer", "--spring.r2dbc.pool.initial-size=1",
				"--spring.r2dbc.pool.max-size=4", "--spring.r2dbc.pool.max-acquire-time=10s");
	}

	/** Advisory locks held on the database, looked at on PostgreSQL itself (not through the pooler). */
	private static List<String> advisoryLocks() throws Exception {
		List<String> locks = new ArrayList<>();
		try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement();
				java.sql.ResultSet rows = statement.executeQuery("SELECT l.classid, l.objid, l.pid, a.state, a.query "
						+ "FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory'")) {
			while (rows.next()) {
				locks.add("key " + ((rows.getLong(1) << 32) | rows.getLong(2)) + " held by pid " + rows.getInt(3) + " ("
						+ rows.getString(4) + ", last statement: " + rows.getString(5) + ")");
			}
		}
		return locks;
	}

	@Test
	void theStatementTimeoutSetByThePoolerStillCancelsASlowStatement() throws Exception {
		try (Connection locker = postgres.connect(DATABASE)) {
			locker.setAutoCommit(false);
			try (Statement statement = locker.createStatement()) {
				statement.execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
			}
			long started = System.nanoTime();
			JsonNode response = inkwell.graphQl("{ user(username: \"nobody\") { id } }", Map.of(), null);
			assertThat(response.at("/errors/0/message").asString()).startsWith("The database took too long to answer");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
			locker.rollback();
		}
		assertThat(inkwell.graphQl("{ user(username: \"nobody\") { id } }", Map.of(), null).path("errors").isMissingNode())
			.isTrue();
	}

	/** The control: the driver's defaults (named, cached statements) break behind this pooler; Inkwell's setting does not. */
	@Test
	void namedStatementsCollideBehindThePoolerUnnamedOnesDoNot() {
		try (ThrowawayPgBouncer lenient = ThrowawayPgBouncer.start(postgres.port(), 1, null,
				"extra_float_digits,statement_timeout")) {
			DatabaseTarget target = new DatabaseTarget("127.0.0.1", lenient.port(), DATABASE, "postgres", "unused",
					Map.of());
			DatabaseTimeouts timeouts = new DatabaseTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
			assertThat(failures(ConnectionFactories.get(new DatabaseConnectionOptions(timeouts, "none").of(target))))
				.isPositive();
			assertThat(failures(ConnectionFactories.get(new DatabaseConnectionOptions(timeouts, "pgbouncer").of(target))))
				.isZero();
		}
	}

	/** Two client connections taking turns with different statements, as pooled connections do. */
	private static long failures(ConnectionFactory factory) {
		return Flux.range(0, 2)
			.flatMap((client) -> Mono.from(factory.create()), 2)
			.collectList()
			.flatMapMany((connections) -> Flux.range(0, 20).concatMap((round) -> {
				io.r2dbc.spi.Connection connection = connections.get(round % 2);
				String sql = (round % 2 == 0) ? "SELECT $1::bigint + 1" : "SELECT $1::bigint * 2";
				return Flux.from(connection.createStatement(sql).bind("$1", (long) round).execute())
					.flatMap((result) -> result.map((row, metadata) -> row.get(0)))
					.then(Mono.just(0L))
					.onErrorReturn(1L);
			}).concatWith(Flux.fromIterable(connections).flatMap((connection) -> Mono.from(connection.close())).then(Mono.empty())))
			.reduce(0L, Long::sum)
			.block(Duration.ofSeconds(60));
	}

}
