package dev.inkwell.admission;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.inkwell.IntegrationTest;
import dev.inkwell.database.DatabaseServer;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Abandoned work stops in PostgreSQL too: the statement of a client that disconnects, or of a
 * request past REQUEST_TIMEOUT, is cancelled in the server (not merely no longer awaited), and
 * its connection and admission slot are free again. The statement timeout is far away (30 s) so
 * that it cannot be what ends the statement.
 */
// Connections are slow to open on a busy machine; the pool waits for them rather than fail the test.
@TestPropertySource(properties = { "inkwell.database.timeouts.statement=30s", "inkwell.request-timeout=4s",
		"spring.r2dbc.pool.max-acquire-time=30s", "inkwell.database.timeouts.connect=30s" })
class StatementCancellationTest extends IntegrationTest {

	private static final String FEED = "{\"query\":\"{ posts(first: 5) { nodes { id title } } }\"}";

	private static final Duration SOON = Duration.ofSeconds(20);

	@Autowired
	private DatabaseServer server;

	@Autowired
	private AdmissionGate gate;

	@Autowired
	private ConnectionFactory connections;

	@LocalServerPort
	private int port;

	@Test
	void aDisconnectingClientsStatementIsCancelledWithinASecond() throws Exception {
		try (HeldLock lock = new HeldLock(this.server.target(), "posts")) {
			try (Socket client = new Socket("127.0.0.1", this.port)) {
				OutputStream out = client.getOutputStream();
				byte[] body = FEED.getBytes(StandardCharsets.UTF_8);
				out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
						+ "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
				out.write(body);
				out.flush();
				lock.awaitWaiting((n) -> n == 1, SOON);
			}
			Duration gone = lock.awaitWaiting((n) -> n == 0, SOON);

			assertThat(gone).as("time from the disconnect until PostgreSQL stopped the statement")
				.isLessThan(Duration.ofSeconds(1));
			assertFreed();
		}
	}

	@Test
	void aTimedOutRequestsStatementIsCancelled() throws Exception {
		try (HeldLock lock = new HeldLock(this.server.target(), "posts")) {
			var response = this.http.mutate()
				.responseTimeout(SOON)
				.build()
				.post()
				.uri("/graphql")
				.header("Content-Type", "application/json")
				.bodyValue(FEED)
				.exchange()
				.expectStatus().isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(response).contains("The request took longer than 4s and was cancelled");

			lock.awaitWaiting((n) -> n == 0, Duration.ofSeconds(1));
			assertFreed();
		}
	}

	/** The pool's connections and the admission slots are all back. */
	private void assertFreed() throws InterruptedException {
		ConnectionPool pool = pool(this.connections);
		long deadline = System.nanoTime() + SOON.toNanos();
		while ((pool.getMetrics().orElseThrow().acquiredSize() > 0 || this.gate.running(AdmissionGate.Lane.READ) > 0)
				&& System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(pool.getMetrics().orElseThrow().acquiredSize()).as("connections in use").isZero();
		assertThat(this.gate.running(AdmissionGate.Lane.READ)).as("admission slots in use").isZero();
	}

	private static ConnectionPool pool(Object factory) {
		Object candidate = factory;
		while (!(candidate instanceof ConnectionPool) && candidate instanceof Wrapped<?> wrapped) {
			candidate = wrapped.unwrap();
		}
		return (ConnectionPool) candidate;
	}

}
