package dev.inkwell.observability;

import java.time.Duration;

import dev.inkwell.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Under prod without MANAGEMENT_PORT the public port is the only one: it exposes health, nothing else. */
@ActiveProfiles("prod")
@TestPropertySource(properties = { "JWT_SECRET=production-actuator-test-secret-of-at-least-32-bytes",
		"DB_POOL_ACQUIRE_TIMEOUT=30s" })   // a context of its own starts cold; the machine may be busy
class ProductionActuatorTest extends IntegrationTest {

	@Test
	void onlyHealthIsExposed() {
		patient().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		patient().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		patient().get().uri("/livez").exchange().expectStatus().isOk();
		patient().get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
		patient().get().uri("/actuator/metrics").exchange().expectStatus().isNotFound();
		patient().get().uri("/actuator/env").exchange().expectStatus().isNotFound();
	}

	/** The client, with room for the first requests of a cold context on a busy machine. */
	private WebTestClient patient() {
		return this.http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
	}

}
