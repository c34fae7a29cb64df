package dev.inkwell.edge.persisted;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

/** A manifest of trusted documents with ONLY_PERSISTED_OPERATIONS=true. */
@TestPropertySource(properties = { "inkwell.persisted-operations.manifest=classpath:edge/trusted-manifest.json",
		"inkwell.persisted-operations.only-persisted=true", "spring.r2dbc.pool.max-acquire-time=20s" })
class TrustedDocumentsTest extends PersistedQueryProtocolSupport {

	static final String TRUSTED = "query TrustedUser($name: String) { user(username: $name) { username } }";

	@Test
	void manifestOperationsRunByIdOverPostAndGetAndByTheirExactText() {
		// Registering is not among the manifest's operations.
		this.db.sql("INSERT INTO users (username, email, hashed_password) VALUES ('ada', 'ada@example.com', 'x')")
			.then().block();
		post(body(null, sha256(TRUSTED))).expectStatus().isOk().expectBody()
			.jsonPath("$.data.user.username").isEqualTo("ada");
		get(sha256(TRUSTED), null).expectStatus().isOk().expectBody()
			.jsonPath("$.data.user.username").isEqualTo("ada");
		Map<String, Object> plain = new LinkedHashMap<>(Map.of("query", TRUSTED, "variables", Map.of("name", "ada")));
		post(plain).expectStatus().isOk().expectBody().jsonPath("$.data.user.username").isEqualTo("ada");
		// An id that is not a SHA-256 (the manifest may choose its ids) is accepted as it is.
		Map<String, Object> byCustomId = new LinkedHashMap<>(Map.of("extensions",
				Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "custom-id-1"))));
		post(byCustomId).expectStatus().isOk().expectBody().jsonPath("$.data.me").isEmpty();
	}

	@Test
	void everyOtherDocumentIsRefusedWithOneErrorBeforeItIsParsed() {
		for (String document : new String[] { "{ me { id } }", "{ this is not GraphQL" }) {
			post(new LinkedHashMap<>(Map.of("query", document))).expectStatus().isOk().expectBody()
				.jsonPath("$.errors.length()").isEqualTo(1)
				.jsonPath("$.errors[0].extensions.code").isEqualTo("PERSISTED_QUERY_NOT_IN_LIST")
				.jsonPath("$.errors[0].extensions.classification").isEqualTo("FORBIDDEN")
				.jsonPath("$.data").doesNotExist();
		}
		// Nor can a client register new documents through automatic persisted queries.
		String other = "{ me { username } }";
		post(body(other, sha256(other))).expectStatus().isOk().expectBody()
			.jsonPath("$.errors[0].extensions.code").isEqualTo("PERSISTED_QUERY_NOT_IN_LIST");
		post(body(null, sha256(other))).expectStatus().isOk().expectBody()
			.jsonPath("$.errors[0].extensions.code").isEqualTo("PERSISTED_QUERY_NOT_IN_LIST");
	}

}
