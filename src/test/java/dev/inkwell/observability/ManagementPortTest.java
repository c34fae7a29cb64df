package dev.inkwell.observability;

import java.time.Duration;

import dev.inkwell.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * MANAGEMENT_PORT puts the actuator on a port of its own (here a free one); the public port keeps
 * only the probes.
 */
@ActiveProfiles("prod")
@TestPropertySource(properties = { "MANAGEMENT_PORT=0", "JWT_SECRET=management-port-test-secret-of-at-least-32-bytes",
		"DB_POOL_ACQUIRE_TIMEOUT=30s" })   // a context of its own starts cold; the machine may be busy
class ManagementPortTest extends IntegrationTest {

	@LocalManagementPort
	int managementPort;

	@Test
	void theActuatorIsOnTheManagementPort() {
		WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.managementPort)
			.responseTimeout(Duration.ofSeconds(60)).build();
		management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
			.expectBody(String.class).value((body) -> org.assertj.core.api.Assertions.assertThat(body)
				.contains("jvm_memory_used_bytes"));
		management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		management.get().uri("/actuator/metrics").exchange().expectStatus().isOk();
	}

	@Test
	void thePublicPortHasOnlyTheProbes() {
		patient().get().uri("/livez").exchange().expectStatus().isOk();
		patient().get().uri("/readyz").exchange().expectStatus().isOk();
		patient().get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
		patient().get().uri("/actuator/metrics").exchange().expectStatus().isNotFound();
		patient().get().uri("/actuator/health").exchange().expectStatus().isNotFound();
	}

	/** The client, with room for the first requests of a cold context on a busy machine. */
	private WebTestClient patient() {
		return this.http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
	}

}
