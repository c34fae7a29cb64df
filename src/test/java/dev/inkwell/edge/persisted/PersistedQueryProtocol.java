package dev.inkwell.edge.persisted;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Apollo's automatic persisted queries protocol, over POST and GET, whatever the store. */
abstract class PersistedQueryProtocol extends PersistedQueryProtocolSupport {

	static final String USER_QUERY = "query User($name: String) { user(username: $name) { username } }";

	@Test
	void unknownHashIsNotFoundThenTheDocumentRegistersAndTheHashAloneRunsOverPostAndGet() {
		register("ada");
		String hash = sha256(USER_QUERY);
		post(body(null, hash)).expectStatus().isOk().expectBody()
			.jsonPath("$.errors[0].message").isEqualTo("PersistedQueryNotFound")
			.jsonPath("$.errors[0].extensions.code").isEqualTo("PERSISTED_QUERY_NOT_FOUND")
			.jsonPath("$.data").doesNotExist();
		post(body(USER_QUERY, hash)).expectStatus().isOk().expectBody()
			.jsonPath("$.data.user.username").isEqualTo("ada");
		post(body(null, hash)).expectStatus().isOk().expectBody()
			.jsonPath("$.data.user.username").isEqualTo("ada").jsonPath("$.errors").doesNotExist();
		get(hash, null).expectStatus().isOk().expectBody()
			.jsonPath("$.data.user.username").isEqualTo("ada").jsonPath("$.errors").doesNotExist();
		// A GET with both the document and the hash works as well.
		get(hash, USER_QUERY).expectStatus().isOk().expectBody().jsonPath("$.data.user.username").isEqualTo("ada");
	}

	@Test
	void aHashThatIsNotTheDocumentsIsABadRequestAndRunsNothing() {
		String mutation = "mutation { register(input: {username: \"eve\", email: \"eve@example.com\", password: \""
				+ PASSWORD + "\"}) { token } }";
		post(body(mutation, sha256("something else"))).expectStatus().isOk().expectBody()
			.jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST")
			.jsonPath("$.errors[0].message").value((String message) -> assertThat(message).contains("does not match"))
			.jsonPath("$.data").doesNotExist();
		assertThat(this.db.sql("SELECT count(*) FROM users").map((row) -> row.get(0, Long.class)).one().block())
			.isZero();
	}

	@Test
	void anUnknownVersionOrMalformedHashIsABadRequest() {
		Map<String, Object> wrongVersion = body(USER_QUERY, sha256(USER_QUERY));
		((Map<String, Object>) ((Map<String, Object>) wrongVersion.get("extensions")).get("persistedQuery")).put("version", 2);
		post(wrongVersion).expectStatus().isOk().expectBody()
			.jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST")
			.jsonPath("$.data").doesNotExist();
		post(body(null, "not-a-hash")).expectStatus().isOk().expectBody()
			.jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST");
	}

	@Test
	void onlyDocumentsThatValidateAndPassTheLimitsAreRegistered() {
		String invalid = "{ user(username: \"ada\") { nope } }";
		post(body(invalid, sha256(invalid))).expectStatus().isOk().expectBody()
			.jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST");
		post(body(null, sha256(invalid))).expectStatus().isOk().expectBody()
			.jsonPath("$.errors[0].extensions.code").isEqualTo("PERSISTED_QUERY_NOT_FOUND");
		String tooDeep = "{ user(username: \"ada\") { posts(first: 1) { nodes { author { posts(first: 1) { nodes { author "
				+ "{ posts(first: 1) { nodes { author { posts(first: 1) { nodes { id } } } } } } } } } } } } }";
		post(body(tooDeep, sha256(tooDeep))).expectStatus().isOk().expectBody()
			.jsonPath("$.errors[0].extensions.limit").isEqualTo("depth");
		post(body(null, sha256(tooDeep))).expectStatus().isOk().expectBody()
			.jsonPath("$.errors[0].extensions.code").isEqualTo("PERSISTED_QUERY_NOT_FOUND");
	}

	@Test
	void aPersistedMutationMayNotRunOverGet() {
		String mutation = "mutation { updateMe(input: {bio: \"hello\"}) { bio } }";
		Account ada = register("ada");
		this.http.post().uri("/graphql").headers((headers) -> headers.setBearerAuth(ada.token()))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(body(mutation, sha256(mutation)))
			.exchange().expectStatus().isOk().expectBody().jsonPath("$.data.updateMe.bio").isEqualTo("hello");
		post(body(null, sha256(mutation))).expectStatus().isOk().expectBody()
			.jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAUTHORIZED");
		get(sha256(mutation), null).expectStatus().isOk().expectBody()
			.jsonPath("$.errors[0].message").value((String message) -> assertThat(message).contains("Only queries"))
			.jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST");
	}

}
