package dev.inkwell.observability;

import java.time.Duration;
import java.util.Map;

import dev.inkwell.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Operations slower than SLOW_OPERATION_THRESHOLD (here 0 s: all) are logged with name and document hash. */
@ExtendWith(OutputCaptureExtension.class)
// A context of its own starts cold: on a busy machine its first connections and request are slow.
@TestPropertySource(properties = { "SLOW_OPERATION_THRESHOLD=0s", "DB_POOL_ACQUIRE_TIMEOUT=30s" })
class SlowOperationLogTest extends IntegrationTest {

	@Test
	void aSlowOperationIsLoggedWithItsNameAndDocumentHashButNoVariables(CapturedOutput output) {
		String query = "query Slow($slug: String) { post(slug: $slug) { title } }";
		this.http.mutate().responseTimeout(Duration.ofSeconds(60)).build().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("X-Request-Id", "slow-req-1")
			.bodyValue(Map.of("query", query, "variables", Map.of("slug", "a-secret-slug"))).exchange()
			.expectStatus().isOk();
		assertThat(output.getOut().lines().filter((line) -> line.contains("Slow operation")
				&& line.contains("slow-req-1")))
			.singleElement().asString()
			.contains("query Slow")
			.contains(OperationObservationInterceptor.sha256(query))
			.contains("[slow-req-1]")
			.doesNotContain("a-secret-slug");
	}

}
