package dev.inkwell.edge.cache;

import java.util.Map;

import dev.inkwell.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cache-Control, ETag, Vary and 304 on the real endpoint: public for anonymous error-free queries
 * over GET (with the configured max-age), private for signed-in clients and private fields,
 * no-store for errors, mutations, introspection and every POST.
 */
@TestPropertySource(properties = "inkwell.cache.max-age=45s")
class HttpCachingTest extends IntegrationTest {

	static final String FEED = "{ posts(first: 5) { totalCount pageInfo { hasNextPage } nodes { title author { username } "
			+ "tags { name } comments(first: 2) { nodes { content } } } } }";

	Account ada;

	@BeforeEach
	void aPublishedPost() {
		this.ada = register("ada");
		as(this.ada.token()).document("mutation { createPost(input: {title: \"Hello\", content: \"Body\", tags: [\"A\"], "
				+ "published: true}) { id } }").executeAndVerify();
	}

	@Test
	void anAnonymousQueryOverGetIsPublicForTheConfiguredMaxAgeWithAnETagAndVary() {
		EntityExchangeResult<String> first = get(FEED, null, null);
		assertThat(first.getStatus().value()).isEqualTo(200);
		assertThat(first.getResponseBody()).contains("\"title\":\"Hello\"");
		HttpHeaders headers = first.getResponseHeaders();
		assertThat(headers.getCacheControl()).isEqualTo("public, max-age=45");
		assertThat(headers.getETag()).matches("W/\"[A-Za-z0-9_-]{32}\"");
		assertThat(headers.getFirst(HttpHeaders.VARY)).endsWith("Authorization, Accept, Accept-Encoding");
		// The same answer has the same tag; another query's answer another one.
		assertThat(get(FEED, null, null).getResponseHeaders().getETag()).isEqualTo(headers.getETag());
		assertThat(get("{ posts(first: 1) { totalCount } }", null, null).getResponseHeaders().getETag())
			.isNotEqualTo(headers.getETag());
	}

	@Test
	void aCrossOriginGetVariesByOriginToo() {
		EntityExchangeResult<String> answer = this.http.get().uri("/graphql?query={query}", FEED)
			.header(HttpHeaders.ORIGIN, "http://localhost:3000").exchange().expectBody(String.class).returnResult();
		assertThat(answer.getResponseHeaders().getAccessControlAllowOrigin()).isEqualTo("http://localhost:3000");
		assertThat(answer.getResponseHeaders().getCacheControl()).isEqualTo("public, max-age=45");
		// A shared cache must not hand one origin's CORS answer to another.
		assertThat(String.join(",", answer.getResponseHeaders().getVary())).contains("Origin").contains("Authorization")
			.contains("Accept-Encoding");
	}

	@Test
	void ifNoneMatchWithTheCurrentETagAnswers304WithoutABodyAndAnyOtherTagTheWholeAnswer() {
		String etag = get(FEED, null, null).getResponseHeaders().getETag();
		EntityExchangeResult<String> notModified = get(FEED, null, etag);
		assertThat(notModified.getStatus().value()).isEqualTo(304);
		assertThat(notModified.getResponseBody()).isNull();
		assertThat(notModified.getResponseHeaders().getETag()).isEqualTo(etag);
		assertThat(notModified.getResponseHeaders().getCacheControl()).isEqualTo("public, max-age=45");
		// Weak: the gzip and the identity body share it (RFC 9110 allows that only for a weak tag);
		// If-None-Match compares weakly, so the tag's strong spelling matches too.
		assertThat(etag).startsWith("W/\"");
		assertThat(get(FEED, null, etag.substring(2)).getStatus().value()).isEqualTo(304);

		EntityExchangeResult<String> other = get(FEED, null, "\"something-else\"");
		assertThat(other.getStatus().value()).isEqualTo(200);
		assertThat(other.getResponseBody()).contains("Hello");

		// Once the data changes, the old tag no longer matches: the new answer comes whole.
		as(this.ada.token()).document("mutation { createPost(input: {title: \"Second\", content: \"Body\", "
				+ "published: true}) { id } }").executeAndVerify();
		EntityExchangeResult<String> changed = get(FEED, null, etag);
		assertThat(changed.getStatus().value()).isEqualTo(200);
		assertThat(changed.getResponseBody()).contains("Second");
		assertThat(changed.getResponseHeaders().getETag()).isNotEqualTo(etag);
	}

	@Test
	void aSignedInClientsAnswersArePrivate() {
		EntityExchangeResult<String> feed = get(FEED, this.ada.token(), null);
		assertThat(feed.getStatus().value()).isEqualTo(200);
		assertThat(feed.getResponseHeaders().getCacheControl()).isEqualTo("private, no-store");
		assertThat(feed.getResponseHeaders().getETag()).isNotNull();
		assertThat(feed.getResponseHeaders().getFirst(HttpHeaders.VARY)).contains("Authorization");
	}

	@Test
	void privateFieldsMakeAnAnonymousAnswerPrivate() {
		assertThat(get("{ me { username } }", null, null).getResponseHeaders().getCacheControl())
			.isEqualTo("private, no-store");
		assertThat(get("{ user(username: \"ada\") { username email } }", null, null).getResponseHeaders()
			.getCacheControl()).isEqualTo("private, no-store");
		// Through a fragment on an interface too.
		assertThat(get("{ nodes(ids: [\"" + this.ada.id() + "\"]) { id ... on User { email } } }", null, null)
			.getResponseHeaders()
			.getCacheControl()).isEqualTo("private, no-store");
		assertThat(get("{ user(username: \"ada\") { username } }", null, null).getResponseHeaders().getCacheControl())
			.isEqualTo("public, max-age=45");
	}

	@Test
	void errorsIntrospectionAndQueriesWithoutHintedFieldsAreNoStore() {
		EntityExchangeResult<String> invalid = get("{ posts(first: 1) { nope } }", null, null);
		assertThat(invalid.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
		EntityExchangeResult<String> failed = get("{ post(id: \"not-an-id\") { title } }", null, null);
		assertThat(failed.getResponseBody()).contains("errors");
		assertThat(failed.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
		assertThat(get("{ __schema { queryType { name } } }", null, null).getResponseHeaders().getCacheControl())
			.isEqualTo("no-store");
		assertThat(get("{ __typename }", null, null).getResponseHeaders().getCacheControl()).isEqualTo("no-store");
		// A bad token fails the request: no-store as well.
		assertThat(get(FEED, "not-a-token", null).getResponseHeaders().getCacheControl()).isEqualTo("no-store");
		// A GET without a query is refused before GraphQL: still no-store.
		assertThat(this.http.get().uri("/graphql").exchange().returnResult(String.class).getResponseHeaders()
			.getCacheControl()).isEqualTo("no-store");
	}

	@Test
	void everyPostAndEveryMutationIsNoStore() {
		EntityExchangeResult<String> post = this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", FEED)).exchange().expectStatus().isOk().expectBody(String.class).returnResult();
		assertThat(post.getResponseBody()).contains("Hello");
		assertThat(post.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
		assertThat(post.getResponseHeaders().getETag()).isNull();
		EntityExchangeResult<String> mutation = get("mutation { logout }", this.ada.token(), null);
		assertThat(mutation.getStatus().value()).isEqualTo(405);
		assertThat(mutation.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
	}

	@Test
	void aPersistedQueryByHashOverGetIsCacheable() throws Exception {
		String query = "{ posts(first: 1) { nodes { title } } }";
		String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
			.digest(query.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
		// Registered with its document, then sent as the hash alone: both public.
		EntityExchangeResult<String> registered = this.http.get()
			.uri("/graphql?query={q}&extensions={e}", query, extensions).exchange().expectBody(String.class).returnResult();
		assertThat(registered.getResponseHeaders().getCacheControl()).isEqualTo("public, max-age=45");
		EntityExchangeResult<String> byHash = this.http.get().uri("/graphql?extensions={e}", extensions).exchange()
			.expectBody(String.class).returnResult();
		assertThat(byHash.getResponseBody()).contains("Hello");
		assertThat(byHash.getResponseHeaders().getCacheControl()).isEqualTo("public, max-age=45");
		assertThat(byHash.getResponseHeaders().getETag()).isEqualTo(registered.getResponseHeaders().getETag());
		// An unknown hash: the client must resend the document, and nobody may cache that answer.
		EntityExchangeResult<String> unknown = this.http.get()
			.uri("/graphql?extensions={e}", extensions.replace(hash, "0".repeat(64))).exchange()
			.expectBody(String.class).returnResult();
		assertThat(unknown.getResponseBody()).contains("PERSISTED_QUERY_NOT_FOUND");
		assertThat(unknown.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
	}

	private EntityExchangeResult<String> get(String query, String token, String ifNoneMatch) {
		WebTestClient.RequestHeadersSpec<?> request = this.http.get().uri("/graphql?query={query}", query);
		if (token != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		if (ifNoneMatch != null) {
			request = request.header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
		}
		return request.exchange().expectBody(String.class).returnResult();
	}

}
