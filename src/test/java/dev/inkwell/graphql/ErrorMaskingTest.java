package dev.inkwell.graphql;

import java.util.Map;

import dev.inkwell.IntegrationTest;
import dev.inkwell.SchemaDamage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** A failure nobody planned for reaches the client as INTERNAL_ERROR with an id, and the log has the rest. */
@ExtendWith(OutputCaptureExtension.class)
class ErrorMaskingTest extends IntegrationTest {

	@Test
	void databaseFailureIsMaskedAndLoggedWithItsId(CapturedOutput output) {
		register("ada");
		SchemaDamage.hideUsers(this.db);
		try {
			String body = this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("query", "{ user(username: \"ada\") { username bio } }")).exchange()
				.expectStatus().isOk()
				.expectBody(String.class).returnResult().getResponseBody();
			assertThat(body).contains("\"classification\":\"INTERNAL_ERROR\"").contains("errorId")
				.doesNotContainIgnoringCase("select").doesNotContain("users").doesNotContain("users_gone")
				.doesNotContain("Exception").doesNotContain("java.").doesNotContain("at dev.inkwell");
			String errorId = body.replaceAll(".*\"errorId\":\"([^\"]+)\".*", "$1");
			assertThat(errorId).hasSize(36);
			assertThat(output.getOut()).contains("Internal error " + errorId).contains("Exception");
		}
		finally {
			SchemaDamage.repair(this.db);
		}
	}

}
