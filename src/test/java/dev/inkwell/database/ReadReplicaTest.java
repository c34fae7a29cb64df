package dev.inkwell.database;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.inkwell.RunningInkwell;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static dev.inkwell.RunningInkwell.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads on a real streaming standby: a throw-away primary and a standby made from it with
 * {@code pg_basebackup -R}, both started by the test; replay paused ({@code pg_wal_replay_pause()})
 * to make the standby lag, and the standby stopped and started while reads go on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaTest {

	private static final String DATABASE = "inkwell_replicas";

	private static final Duration MAX_LAG = Duration.ofSeconds(8);

	private static final String POST = "query($id: ID!) { post(id: $id) { title } }";

	private static final String CREATE_POST = "mutation($title: String!) { createPost(input: {title: $title, "
			+ "content: \"Body\", published: true}) { id } }";

	private static final String LATEST = "{ posts(first: 1) { nodes { title } } }";

	private static ThrowawayPostgres primary;

	private static ThrowawayPostgres standby;

	private static RunningInkwell inkwell;

	@BeforeAll
	static void startPrimaryStandbyAndInkwell() throws Exception {
		primary = ThrowawayPostgres.create();
		primary.start();
		standby = ThrowawayPostgres.standbyOf(primary);
		standby.start();
		inkwell = RunningInkwell.start("postgresql://postgres:unused@127.0.0.1:" + primary.port() + "/" + DATABASE,
				"--inkwell.database.replicas.urls=postgresql://127.0.0.1:" + standby.port(),
				"--inkwell.database.replicas.max-lag=" + MAX_LAG.toSeconds() + "s",
				"--inkwell.database.replicas.check-interval=200ms", "--spring.r2dbc.pool.max-size=4",
				"--spring.r2dbc.pool.max-acquire-time=20s");
		// The database is created and migrated on the primary; the standby follows.
		await(Duration.ofSeconds(30), () -> "UP".equals(replicaStatus()));
	}

	@AfterAll
	static void stopEverything() {
		if (inkwell != null) {
			inkwell.close();
		}
		if (standby != null) {
			standby.close();
		}
		if (primary != null) {
			primary.close();
		}
	}

	@Test
	@Order(1)
	void queriesReadFromTheReplicaAndMutationsWriteToThePrimary() throws Exception {
		String token = inkwell.register("writer");
		String id = inkwell.data(CREATE_POST, Map.of("title", "First"), token).at("/createPost/id").asString();
		await(Duration.ofSeconds(10), () -> "First".equals(anonymousLatestTitle()));

		double before = servedByReplica();
		assertThat(inkwell.data(POST, Map.of("id", id), null).at("/post/title").asString()).isEqualTo("First");
		assertThat(servedByReplica()).isEqualTo(before + 1);
		assertThat(replicaStatus()).isEqualTo("UP");
	}

	@Test
	@Order(2)
	void aLaggingReplicaServesAnonymousReadersUpToTheLagLimitAndNeverServesAWriterOlderData() throws Exception {
		String writer = inkwell.register("lagwriter");
		await(Duration.ofSeconds(10), () -> servesAsFresh(writer));
		standby.execute("postgres", "SELECT pg_wal_replay_pause()");
		try {
			long written = System.nanoTime();
			String id = inkwell.data(CREATE_POST, Map.of("title", "While paused"), writer)
				.at("/createPost/id")
				.asString();

			// The writer reads their write at once (from the primary: the standby has not replayed it).
			assertThat(inkwell.data(POST, Map.of("id", id), writer).at("/post/title").asString())
				.isEqualTo("While paused");
			// So does a user registered while the standby is paused, with their first token.
			String newcomer = inkwell.register("newcomer");
			assertThat(inkwell.data("{ me { username } }", Map.of(), newcomer).at("/me/username").asString())
				.isEqualTo("newcomer");

			// An anonymous reader is still served by the standby, which is behind but within the limit.
			double before = servedByReplica();
			JsonNode anonymous = inkwell.data(POST, Map.of("id", id), null);
			assertThat(Duration.ofNanos(System.nanoTime() - written)).as("test too slow to observe the lag window")
				.isLessThan(MAX_LAG.minusSeconds(2));
			assertThat(anonymous.at("/post").isNull()).as(anonymous.toString()).isTrue();
			assertThat(servedByReplica()).isEqualTo(before + 1);

			// Past the limit, anonymous reads go to the primary and see the post; never later than that.
			await(MAX_LAG.plusSeconds(10), () -> !inkwell.data(POST, Map.of("id", id), null).at("/post").isNull());
			assertThat(Duration.ofNanos(System.nanoTime() - written)).isGreaterThanOrEqualTo(MAX_LAG.minusSeconds(1));
			assertThat(replicaStatus()).isEqualTo("LAGGING");
			for (int i = 0; i < 5; i++) {
				assertThat(inkwell.data(POST, Map.of("id", id), writer).at("/post/title").asString())
					.isEqualTo("While paused");
			}
		}
		finally {
			standby.execute("postgres", "SELECT pg_wal_replay_resume()");
		}
		// Caught up: the writer's reads go to the standby again.
		await(Duration.ofSeconds(20), () -> servesAsFresh(writer));
	}

	@Test
	@Order(3)
	void aStandbyStoppedAndStartedUnderReadsCostsNoReaderAnError() throws Exception {
		String id = inkwell.data(CREATE_POST, Map.of("title", "Steady"), inkwell.register("steady"))
			.at("/createPost/id")
			.asString();
		await(Duration.ofSeconds(10), () -> "Steady".equals(anonymousLatestTitle()));
		AtomicBoolean reading = new AtomicBoolean(true);
		ExecutorService readers = Executors.newFixedThreadPool(3);
		List<Future<Integer>> results = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			results.add(readers.submit(() -> {
				int reads = 0;
				while (reading.get()) {
					JsonNode answer = inkwell.graphQl(POST, Map.of("id", id), null);
					assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
					assertThat(answer.at("/data/post/title").asString()).isEqualTo("Steady");
					reads++;
				}
				return reads;
			}));
		}
		try {
			Thread.sleep(500);
			standby.stop();
			await(Duration.ofSeconds(10), () -> "UNREACHABLE".equals(replicaStatus()));
			Thread.sleep(1000);
			standby.start();
			await(Duration.ofSeconds(30), () -> "UP".equals(replicaStatus()));
			Thread.sleep(500);
		}
		finally {
			reading.set(false);
			readers.shutdown();
		}
		int total = 0;
		for (Future<Integer> result : results) {
			total += result.get(30, TimeUnit.SECONDS);
		}
		assertThat(total).isGreaterThan(10);
		double before = servedByReplica();
		inkwell.data(POST, Map.of("id", id), null);
		assertThat(servedByReplica()).isEqualTo(before + 1);
	}

	/** Whether the writer's next read is served by the replica (i.e. it has replayed their writes). */
	private static boolean servesAsFresh(String token) throws Exception {
		double before = servedByReplica();
		inkwell.data("{ me { username } }", Map.of(), token);
		return servedByReplica() > before;
	}

	private static String anonymousLatestTitle() throws Exception {
		return inkwell.data(LATEST, Map.of(), null).at("/posts/nodes/0/title").asString(null);
	}

	private static double servedByReplica() {
		return inkwell.context()
			.getBean(MeterRegistry.class)
			.get("inkwell.database.reads")
			.tag("served.by", "replica")
			.counter()
			.count();
	}

	private static String replicaStatus() throws Exception {
		return inkwell.getJson("/actuator/health").at("/components/readReplicas/components/replica-1/status").asString(null);
	}

}
