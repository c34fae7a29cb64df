package dev.inkwell.admission;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.inkwell.IntegrationTest;
import dev.inkwell.admission.AdmissionGate.Lane;
import dev.inkwell.database.DatabaseServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admission control over HTTP against real PostgreSQL. Reads are made to hang deterministically
 * (the test holds a lock on {@code posts}), so that the number of statements PostgreSQL is
 * running shows how many operations were let through. Three slots, one of them kept for
 * mutations, and two waiting places per lane.
 */
@TestPropertySource(properties = { "inkwell.admission.max-concurrent=3", "inkwell.admission.write-share=1",
		"inkwell.admission.queue-size=2", "inkwell.admission.queue-timeout=5s",
		"inkwell.database.timeouts.statement=60s", "inkwell.request-timeout=60s",
		// Connections are slow to open on a busy machine; the pool waits for them rather than fail the test.
		"spring.r2dbc.pool.max-acquire-time=30s", "inkwell.database.timeouts.connect=30s" })
class AdmissionTest extends IntegrationTest {

	private static final String FEED = "{\"query\":\"{ posts(first: 5) { nodes { id title } } }\"}";

	private static final Duration LONG = Duration.ofSeconds(30);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Autowired
	private DatabaseServer server;

	@Autowired
	private AdmissionGate gate;

	@LocalServerPort
	private int port;

	@Test
	void readsBeyondTheirSlotsWaitAndAreThenServedOrShedAtOnce() throws Exception {
		try (HeldLock lock = new HeldLock(this.server.target(), "posts")) {
			List<CompletableFuture<HttpResponse<String>>> reads = saturateReads(lock);

			HttpResponse<String> shed = post(FEED).get(LONG.toSeconds(), TimeUnit.SECONDS);

			assertShed(shed);
			assertThat(reads.subList(2, 4)).as("the waiting requests are still waiting")
				.noneMatch(CompletableFuture::isDone);
			assertThat(lock.waiting()).as("statements running: one per admitted read").isEqualTo(2);
			assertThat(metric("inkwell.admission.shed", "reason:queue_full")).isGreaterThanOrEqualTo(1.0);
			lock.release();
			for (CompletableFuture<HttpResponse<String>> response : reads) {
				HttpResponse<String> answer = response.get(LONG.toSeconds(), TimeUnit.SECONDS);
				assertThat(answer.statusCode()).isEqualTo(200);
				assertThat(json.readTree(answer.body()).at("/data/posts/nodes").isArray()).isTrue();
			}
		}
		// A slot is freed when the server has finished the exchange, which can be just after the
		// client has read the answer.
		long deadline = System.nanoTime() + LONG.toNanos();
		while (this.gate.running(Lane.READ) != 0 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(this.gate.running(Lane.READ)).isZero();
		assertThat(this.gate.queued(Lane.READ)).isZero();
	}

	@Test
	void mutationsLoginsAndHealthProbesGetThroughSaturatedReads() throws Exception {
		try (HeldLock lock = new HeldLock(this.server.target(), "posts")) {
			List<CompletableFuture<HttpResponse<String>>> reads = saturateReads(lock);
			assertShed(post(FEED).get(LONG.toSeconds(), TimeUnit.SECONDS));

			HttpResponse<String> registered = post("{\"query\":\"mutation { register(input: {username: \\\"dora\\\", "
					+ "email: \\\"dora@example.com\\\", password: \\\"" + PASSWORD + "\\\"}) { user { username } } }\"}")
				.get(LONG.toSeconds(), TimeUnit.SECONDS);
			assertThat(registered.statusCode()).isEqualTo(200);
			assertThat(json.readTree(registered.body()).at("/data/register/user/username").asString()).isEqualTo("dora");
			HttpResponse<String> login = post("{\"query\":\"mutation { login(input: {login: \\\"dora\\\", password: \\\""
					+ PASSWORD + "\\\"}) { token } }\"}")
				.get(LONG.toSeconds(), TimeUnit.SECONDS);
			assertThat(json.readTree(login.body()).at("/data/login/token").asString()).isNotBlank();
			HttpResponse<String> health = this.client.send(
					HttpRequest.newBuilder(uri("/actuator/health/liveness")).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(metric("inkwell.admission.running", "lane:read")).isEqualTo(2.0);
			assertThat(lock.waiting()).as("the reads were held back all along").isEqualTo(2);
			lock.release();
			for (CompletableFuture<HttpResponse<String>> response : reads) {
				// The waiting ones may have run out of time while the mutations ran on a slow machine.
				assertThat(response.get(LONG.toSeconds(), TimeUnit.SECONDS).statusCode()).isIn(200, 503);
			}
		}
	}

	/**
	 * A mutation sent as an automatic persisted query's hash, without its document, is still a
	 * mutation: admission finds its lane from the stored document.
	 */
	@Test
	void aMutationSentByItsPersistedQueryHashAloneGetsThroughSaturatedReads() throws Exception {
		String document = "mutation Join($input: RegisterInput!) { register(input: $input) { user { username } } }";
		String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
			.digest(document.getBytes(StandardCharsets.UTF_8)));
		HttpResponse<String> stored = post(persisted(document, hash, "erin")).get(LONG.toSeconds(), TimeUnit.SECONDS);
		assertThat(json.readTree(stored.body()).at("/data/register/user/username").asString()).isEqualTo("erin");
		try (HeldLock lock = new HeldLock(this.server.target(), "posts")) {
			List<CompletableFuture<HttpResponse<String>>> reads = saturateReads(lock);
			assertShed(post(FEED).get(LONG.toSeconds(), TimeUnit.SECONDS));

			HttpResponse<String> hashOnly = post(persisted(null, hash, "fay")).get(LONG.toSeconds(), TimeUnit.SECONDS);

			assertThat(hashOnly.statusCode()).as(hashOnly.body()).isEqualTo(200);
			assertThat(json.readTree(hashOnly.body()).at("/data/register/user/username").asString()).isEqualTo("fay");
			assertThat(lock.waiting()).as("the reads were held back all along").isEqualTo(2);
			lock.release();
			for (CompletableFuture<HttpResponse<String>> response : reads) {
				assertThat(response.get(LONG.toSeconds(), TimeUnit.SECONDS).statusCode()).isIn(200, 503);
			}
		}
	}

	/** A register request as an automatic persisted query: with its document, or (null) by its hash alone. */
	private static String persisted(String document, String hash, String username) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (document != null) {
			body.put("query", document);
		}
		body.put("variables", Map.of("input", Map.of("username", username, "email", username + "@example.com",
				"password", PASSWORD)));
		body.put("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)));
		return json.writeValueAsString(body);
	}

	@Test
	void aReadThatWaitsTooLongIsShedAndOneWhoseClientLeavesGivesUpItsPlace() throws Exception {
		try (HeldLock lock = new HeldLock(this.server.target(), "posts")) {
			List<CompletableFuture<HttpResponse<String>>> admitted = List.of(post(FEED), post(FEED));
			lock.awaitWaiting((n) -> n == 2, LONG);
			CompletableFuture<HttpResponse<String>> leaving = post(FEED);
			awaitQueued(1);
			leaving.cancel(true);
			awaitQueued(0);

			long start = System.nanoTime();
			HttpResponse<String> timedOut = post(FEED).get(LONG.toSeconds(), TimeUnit.SECONDS);
			Duration waited = Duration.ofNanos(System.nanoTime() - start);

			assertShed(timedOut);
			assertThat(waited).as("shed once its wait ran out").isGreaterThanOrEqualTo(Duration.ofMillis(4900));
			assertThat(metric("inkwell.admission.shed", "reason:queue_timeout")).isGreaterThanOrEqualTo(1.0);
			lock.release();
			for (CompletableFuture<HttpResponse<String>> response : admitted) {
				assertThat(response.get(LONG.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(200);
			}
		}
	}

	/** Two reads running (held by the lock) and two waiting: every read place taken. */
	private List<CompletableFuture<HttpResponse<String>>> saturateReads(HeldLock lock) throws Exception {
		List<CompletableFuture<HttpResponse<String>>> reads = new ArrayList<>();
		reads.add(post(FEED));
		reads.add(post(FEED));
		lock.awaitWaiting((n) -> n == 2, LONG);
		reads.add(post(FEED));
		reads.add(post(FEED));
		awaitQueued(2);
		return reads;
	}

	private void assertShed(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
		JsonNode error = json.readTree(response.body()).at("/errors/0");
		assertThat(error.at("/extensions/code").asString()).isEqualTo("OVERLOADED");
		assertThat(error.at("/extensions/classification").asString()).isEqualTo("INTERNAL_ERROR");
		assertThat(error.at("/extensions/retryAfterSeconds").asInt()).isEqualTo(5);
		assertThat(error.at("/message").asString()).contains("retry");
	}

	private void awaitQueued(int count) throws InterruptedException {
		long deadline = System.nanoTime() + LONG.toNanos();
		while (this.gate.queued(Lane.READ) != count && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(this.gate.queued(Lane.READ)).isEqualTo(count);
	}

	private double metric(String name, String tag) throws Exception {
		HttpResponse<String> response = this.client.send(
				HttpRequest.newBuilder(uri("/actuator/metrics/" + name + "?tag=" + tag)).build(),
				HttpResponse.BodyHandlers.ofString());
		return json.readTree(response.body()).at("/measurements/0/value").asDouble();
	}

	private CompletableFuture<HttpResponse<String>> post(String body) {
		HttpRequest request = HttpRequest.newBuilder(uri("/graphql"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/graphql-response+json")
			.timeout(LONG)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
