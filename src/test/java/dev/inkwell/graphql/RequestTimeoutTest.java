package dev.inkwell.graphql;

import java.time.Duration;
import java.util.Map;

import dev.inkwell.Content;
import dev.inkwell.MutationTest;
import dev.inkwell.auth.AccessTokens;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * REQUEST_TIMEOUT on the running server: a mutation stuck behind a row lock that this test holds
 * is answered with a classified error once the time-out (4 s here, room for a busy machine) runs
 * out, and its statement is cancelled in PostgreSQL too, well before the statement time-out (raised
 * above the test's length; see admission/StatementCancellationTest); the server keeps serving
 * meanwhile and after.
 */
@TestPropertySource(properties = { "REQUEST_TIMEOUT=4s", "DB_STATEMENT_TIMEOUT=60s" })
@ExtendWith(OutputCaptureExtension.class)
class RequestTimeoutTest extends MutationTest {

	@Autowired
	ConnectionFactory connections;

	@Autowired
	AccessTokens tokens;

	@Test
	void aRequestLongerThanTheTimeoutGetsAClassifiedErrorAndTheServerKeepsServing(CapturedOutput output)
			throws Exception {
		// Straight into the tables: signing up through the API hashes a password, which a busy
		// machine may not finish within the time-out.
		Content content = new Content(this.db);
		long adaId = content.user("ada");
		String id = Content.id("Post", content.post(adaId, "Locked", true));
		String token = this.tokens.issue(adaId, 0).block().token();
		Connection locker = Mono.from(this.connections.create()).block();
		try {
			Mono.from(locker.beginTransaction()).block();
			Flux.from(locker.createStatement("SELECT id FROM posts WHERE id = $1 FOR UPDATE")
				.bind("$1", rowId(id))
				.execute()).flatMap((result) -> result.map((row, metadata) -> row.get(0))).blockLast();

			GraphQlTester.Response stuck = update(token, id);
			ResponseError error = singleError(stuck, "INTERNAL_ERROR", null);
			assertThat(error.getMessage()).startsWith("The request took longer than 4s and was cancelled");
			// Logged on the timer's thread, and still with the request's id (RequestIdTest has the rest).
			String requestId = (String) error.getExtensions().get("requestId");
			assertThat(output.getOut().lines().filter((line) -> line.contains("ran longer than 4s")))
				.singleElement().asString().contains("[" + requestId + "]");
			// The UPDATE no longer waits in PostgreSQL: its request's cancellation stopped it there.
			awaitNoSessionWaitingForALock();

			as(token).document("query($id: ID!) { post(id: $id) { title version } }").variable("id", id)
				.execute()
				.errors().verify()
				.path("post.title").entity(String.class).isEqualTo("Locked")
				.path("post.version").entity(Integer.class).isEqualTo(1);
		}
		finally {
			Mono.from(locker.rollbackTransaction()).block();
			Mono.from(locker.close()).block();
		}
		awaitNoSessionWaitingForALock();
		// The cut-off mutation was cancelled in PostgreSQL, so it does not commit once the lock goes.
		as(token).document("query($id: ID!) { post(id: $id) { title version } }").variable("id", id)
			.execute()
			.errors().verify()
			.path("post.title").entity(String.class).isEqualTo("Locked");
		as(token).document("{ posts { totalCount } }").execute().errors().verify()
			.path("posts.totalCount").entity(Integer.class).isEqualTo(1);
	}

	private GraphQlTester.Response update(String token, String id) {
		return as(token).documentName("updatePost")
			.variable("input", Map.of("id", id, "expectedVersion", 1, "title", "Changed"))
			.execute();
	}

	private long sessionsWaitingForALock() {
		return count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
				+ "AND wait_event_type = 'Lock'");
	}

	private void awaitNoSessionWaitingForALock() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (sessionsWaitingForALock() > 0) {
			assertThat(System.nanoTime()).as("a session still waits for a lock").isLessThan(deadline);
			Thread.sleep(100);
		}
	}

}
