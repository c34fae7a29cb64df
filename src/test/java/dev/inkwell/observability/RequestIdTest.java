package dev.inkwell.observability;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.inkwell.Content;
import dev.inkwell.IntegrationTest;
import dev.inkwell.auth.AccessTokens;
import dev.inkwell.database.DatabaseServer;
import dev.inkwell.database.DatabaseTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request has an id: the client's X-Request-Id when it is sane, else a new one. It comes back
 * in the response header and in every error's extensions.requestId, and is in the log lines of the
 * request: the access line (which never shows variables or tokens), unexpected errors, and what is
 * logged off the request's own thread (a failed account lookup; a timed-out request, in
 * RequestTimeoutTest).
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdTest extends IntegrationTest {

	@Autowired
	private AccessTokens tokens;

	@Autowired
	private DatabaseServer server;

	@Test
	void aSaneIdFromTheClientIsKeptAndReturnedInHeaderAndErrors() {
		EntityExchangeResult<String> result = postWithId("client-id-42:a.b", "{ post(slug: \"nope\") { title } user(id: \"x\") { id } }");
		assertThat(result.getResponseHeaders().getFirst("X-Request-Id")).isEqualTo("client-id-42:a.b");
		assertThat(result.getResponseBody()).contains("\"requestId\":\"client-id-42:a.b\"");
	}

	@Test
	void anInsaneIdIsReplacedByAGeneratedOne() {
		for (String insane : List.of("a".repeat(101), "two words", "line\tbreak", "\"quoted\"", "")) {
			EntityExchangeResult<String> result = postWithId(insane, "{ me { id } }");
			String id = result.getResponseHeaders().getFirst("X-Request-Id");
			assertThat(id).as("id for %s", insane).matches("[0-9a-f]{32}");
		}
	}

	@Test
	void withoutAnIdEachRequestGetsItsOwn() {
		String first = this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ me { id } }")).exchange()
			.expectStatus().isOk().returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");
		String second = this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ me { id } }")).exchange()
			.expectStatus().isOk().returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");
		assertThat(first).matches("[0-9a-f]{32}");
		assertThat(second).matches("[0-9a-f]{32}").isNotEqualTo(first);
	}

	@Test
	void errorsRefusedBeforeGraphQlCarryTheIdToo() {
		String body = this.http.post().uri("/graphql").contentType(MediaType.TEXT_PLAIN).header("X-Request-Id", "http-level-1")
			.bodyValue("{ me { id } }").exchange()
			.expectStatus().isEqualTo(415)
			.expectHeader().valueEquals("X-Request-Id", "http-level-1")
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(body).contains("\"requestId\":\"http-level-1\"");
		String tooLarge = this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.header("X-Request-Id", "http-level-2")
			.bodyValue("{\"query\":\"" + "x".repeat(1_100_000) + "\"}").exchange()
			.expectStatus().isEqualTo(413)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(tooLarge).contains("\"requestId\":\"http-level-2\"");
	}

	@Test
	void theAccessLineHasTheRequestButNeverItsVariablesOrToken(CapturedOutput output) {
		Account ada = register("ada");
		String secretPassword = "Sup3r-secret-passw0rd";
		this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("X-Request-Id", "login-req-1")
			.bodyValue(Map.of("query", "mutation SignIn($input: LoginInput!) { login(input: $input) { token } }",
					"variables", Map.of("input", Map.of("login", "ada", "password", secretPassword))))
			.exchange().expectStatus().isOk();
		this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("X-Request-Id", "me-req-1")
			.headers((headers) -> headers.setBearerAuth(ada.token()))
			.bodyValue(Map.of("query", "query Who { me { username } }")).exchange().expectStatus().isOk();

		String signIn = accessLine(output, "login-req-1");
		assertThat(signIn).contains("POST /graphql mutation SignIn 200").contains("cost=").contains("sql=");
		String who = accessLine(output, "me-req-1");
		String viewerId = this.db.sql("SELECT id FROM users WHERE username = 'ada'").map((row) -> row.get(0, Long.class))
			.one().block().toString();
		assertThat(who).contains("POST /graphql query Who 200").contains("viewer=" + viewerId).contains("[me-req-1]");
		assertThat(output.getAll()).doesNotContain(secretPassword).doesNotContain(ada.token());
	}

	@Test
	void unexpectedErrorsAreLoggedWithTheRequestId(CapturedOutput output) {
		register("bea");
		this.db.sql("ALTER TABLE users RENAME TO users_away").then().block();
		try {
			EntityExchangeResult<String> result = postWithId("broken-req-7", "{ user(username: \"bea\") { username } }");
			assertThat(result.getResponseBody()).contains("INTERNAL_ERROR").contains("\"requestId\":\"broken-req-7\"");
			String errorId = result.getResponseBody().replaceAll(".*\"errorId\":\"([^\"]+)\".*", "$1");
			assertThat(output.getOut().lines().filter((line) -> line.contains("Internal error " + errorId)))
				.singleElement().asString().contains("[broken-req-7]");
		}
		finally {
			this.db.sql("ALTER TABLE users_away RENAME TO users").then().block();
		}
	}

	/**
	 * The account lookup of an authenticated request fails on a driver thread, outside the request:
	 * its warning still carries the request's id. Here the lookup waits behind a lock and is
	 * cancelled in PostgreSQL, as the statement timeout would cancel it.
	 */
	@Test
	void aFailedAccountLookupIsLoggedWithTheRequestId(CapturedOutput output) throws Exception {
		String token = this.tokens.issue(new Content(this.db).user("cy"), 0).block().token();
		DatabaseTarget target = this.server.target();
		String body;
		try (java.sql.Connection holder = DriverManager.getConnection(target.jdbcUrl(), target.username(), target.password());
				java.sql.Connection watcher = DriverManager.getConnection(target.jdbcUrl(), target.username(),
						target.password())) {
			holder.setAutoCommit(false);
			holder.createStatement().execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
			CompletableFuture<String> response = CompletableFuture.supplyAsync(() -> this.http.post().uri("/graphql")
				.contentType(MediaType.APPLICATION_JSON).header("X-Request-Id", "lookup-req-3")
				.headers((headers) -> headers.setBearerAuth(token))
				.bodyValue(Map.of("query", "{ me { id } }")).exchange()
				.expectBody(String.class).returnResult().getResponseBody());
			for (long deadline = System.nanoTime() + 20_000_000_000L; cancelLockWaiters(watcher) == 0;) {
				assertThat(System.nanoTime()).as("the account lookup waits for the lock").isLessThan(deadline);
				LockSupport.parkNanos(20_000_000L);
			}
			body = response.get(30, TimeUnit.SECONDS);
			holder.rollback();
		}
		assertThat(body).contains("INTERNAL_ERROR").contains("\"requestId\":\"lookup-req-3\"");
		assertThat(output.getOut().lines().filter((line) -> line.contains("in the access token's account lookup")))
			.singleElement().asString().contains("[lookup-req-3]");
	}

	/** Cancels the statements waiting for a lock in this database; returns how many there were. */
	private static int cancelLockWaiters(java.sql.Connection watcher) throws SQLException {
		try (ResultSet rows = watcher.createStatement().executeQuery("SELECT count(pg_cancel_backend(pid)) "
				+ "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
				+ "AND state = 'active' AND wait_event_type = 'Lock'")) {
			rows.next();
			return rows.getInt(1);
		}
	}

	private EntityExchangeResult<String> postWithId(String requestId, String query) {
		return this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("X-Request-Id", requestId)
			.bodyValue(Map.of("query", query)).exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult();
	}

	private static String accessLine(CapturedOutput output, String requestId) {
		// Written when the exchange completes on the server, which can be just after the client
		// has read the response.
		List<String> lines = accessLines(output, requestId);
		for (long deadline = System.nanoTime() + 10_000_000_000L; lines.isEmpty() && System.nanoTime() < deadline;) {
			LockSupport.parkNanos(20_000_000L);
			lines = accessLines(output, requestId);
		}
		assertThat(lines).as("access lines of %s", requestId).hasSize(1);
		return lines.get(0);
	}

	private static List<String> accessLines(CapturedOutput output, String requestId) {
		return output.getOut().lines()
			.filter((line) -> line.contains("inkwell.access") && line.contains("requestId=" + requestId))
			.toList();
	}

}
