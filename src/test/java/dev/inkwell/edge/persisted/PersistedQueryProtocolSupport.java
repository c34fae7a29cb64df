package dev.inkwell.edge.persisted;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.inkwell.IntegrationTest;
import dev.inkwell.edge.EdgeTesting;
import tools.jackson.databind.json.JsonMapper;

import static dev.inkwell.edge.EdgeTesting.patient;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Sends persisted-query requests over POST and GET. */
abstract class PersistedQueryProtocolSupport extends IntegrationTest {

	static final JsonMapper json = JsonMapper.builder().build();

	static String sha256(String text) {
		return EdgeTesting.sha256(text);
	}

	static Map<String, Object> body(String query, String hash) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (query != null) {
			body.put("query", query);
		}
		body.put("variables", Map.of("name", "ada"));
		Map<String, Object> persisted = new LinkedHashMap<>(Map.of("version", 1, "sha256Hash", hash));
		body.put("extensions", new LinkedHashMap<>(Map.of("persistedQuery", persisted)));
		return body;
	}

	WebTestClient.ResponseSpec post(Map<String, Object> body) {
		return patient(this.http).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
			.bodyValue(json.writeValueAsString(body)).exchange();
	}

	WebTestClient.ResponseSpec get(String hash, String query) {
		return patient(this.http).get().uri((uri) -> {
			uri.path("/graphql").queryParam("variables", "{variables}").queryParam("extensions", "{extensions}");
			if (query != null) {
				uri.queryParam("query", "{query}");
			}
			return uri.build(Map.of("variables", "{\"name\":\"ada\"}", "extensions",
					"{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}", "query", (query != null) ? query : ""));
		}).accept(MediaType.APPLICATION_JSON).exchange();
	}

}
