package dev.inkwell.edge.persisted;

import dev.inkwell.edge.Sha256;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.inkwell.graphql.errors.ApiException;
import dev.inkwell.graphql.errors.ErrorKind;
import dev.inkwell.graphql.errors.GraphQlErrors;
import dev.inkwell.graphql.http.GraphQlOverGetFilter;
import dev.inkwell.graphql.http.PersistedDocuments;
import dev.inkwell.graphql.limits.OperationLimits;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.parser.ParserOptions;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Persisted operations, before anything parses the document: Apollo's automatic persisted queries
 * ({@code extensions.persistedQuery {version: 1, sha256Hash}}) and the trusted documents of a
 * manifest.
 * <ul>
 * <li>A hash without a document runs the document known by it (manifest first, then the store),
 * or answers {@code PersistedQueryNotFound} so that the client resends it with the document.</li>
 * <li>A hash with a document must be the document's SHA-256 (else BAD_REQUEST, nothing runs); the
 * document is registered once it has run, which means it parsed, validated and passed the limits.</li>
 * <li>With ONLY_PERSISTED_OPERATIONS, a document that is not in the manifest is refused before it
 * is parsed, and nothing is registered.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)   // inside the observation interceptor, which reports its errors
class PersistedOperationsInterceptor implements WebGraphQlInterceptor, PersistedDocuments {

	private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

	private final PersistedQueryStore store;

	private final TrustedDocuments trusted;

	private final boolean onlyPersisted;

	private final ParserOptions parserOptions;

	PersistedOperationsInterceptor(PersistedQueryStore store, TrustedDocuments trusted,
			PersistedOperationsSettings settings, OperationLimits limits) {
		this.store = store;
		this.trusted = trusted;
		this.onlyPersisted = settings.onlyPersisted();
		this.parserOptions = limits.parserOptions();
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Object persistedQuery = request.getExtensions().get("persistedQuery");
		String document = request.getDocument();
		boolean hashOnly = PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(document);
		if (persistedQuery == null) {
			if (this.onlyPersisted && !this.trusted.contains(document, Sha256.hex(document))) {
				return refuse(request, notInManifest());
			}
			return chain.next(request);
		}
		String hash = idOf(persistedQuery);
		if (hash != null && this.trusted.byId(hash) != null && hashOnly) {
			return runDocument(request, chain, this.trusted.byId(hash));
		}
		if (hash == null || !SHA256_HEX.matcher(hash).matches()) {
			return refuse(request, ApiException.badRequest("extensions.persistedQuery",
					"Unsupported persisted query: send extensions.persistedQuery as {\"version\": 1, \"sha256Hash\": "
							+ "\"<64 hex digits>\"}"));
		}
		if (!hashOnly) {
			String actual = Sha256.hex(document);
			if (!actual.equalsIgnoreCase(hash)) {
				return refuse(request, ApiException.badRequest("extensions.persistedQuery.sha256Hash",
						"provided sha does not match query: the document's SHA-256 is " + actual));
			}
			if (this.onlyPersisted && this.trusted.byId(hash) == null && !this.trusted.contains(document, actual)) {
				return refuse(request, notInManifest());
			}
			if (this.onlyPersisted || this.trusted.byId(hash) != null) {
				return chain.next(request);
			}
			return chain.next(request)
				.flatMap((response) -> response.getExecutionResult().isDataPresent()
						? this.store.register(actual.toLowerCase(), document).thenReturn(response) : Mono.just(response));
		}
		if (this.onlyPersisted) {
			return refuse(request, notInManifest());
		}
		return this.store.find(hash.toLowerCase())
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((found) -> found.isPresent() ? runDocument(request, chain, found.get())
					: refuse(request, new ApiException(ErrorKind.NOT_FOUND, "PersistedQueryNotFound", null,
							Map.of("code", "PERSISTED_QUERY_NOT_FOUND"))));
	}

	/**
	 * The document a hash sent alone runs, found as {@link #intercept} finds it, for admission control
	 * to tell a stored mutation from a read before the request runs.
	 */
	@Override
	public Mono<String> find(String id) {
		String manifest = this.trusted.byId(id);
		if (manifest != null) {
			return Mono.just(manifest);
		}
		return (this.onlyPersisted || !SHA256_HEX.matcher(id).matches()) ? Mono.empty() : this.store.find(id.toLowerCase());
	}

	private Mono<WebGraphQlResponse> runDocument(WebGraphQlRequest request, Chain chain, String document) {
		if (request.getAttributes().containsKey(GraphQlOverGetFilter.GET_ATTRIBUTE)
				&& !GraphQlOverGetFilter.isQuery(document, request.getOperationName(), this.parserOptions)) {
			return refuse(request, ApiException.badRequest(null,
					"Only queries may be sent with GET; send mutations with POST"));
		}
		return chain.next(withDocument(request, document));
	}

	/**
	 * The id of a {@code persistedQuery} extension of version 1, else null: a SHA-256 for automatic
	 * persisted queries, whatever the manifest chose for its operations.
	 */
	private static String idOf(Object persistedQuery) {
		if (persistedQuery instanceof Map<?, ?> map && map.get("version") instanceof Number version
				&& version.doubleValue() == 1 && map.get("sha256Hash") instanceof String id && !id.isBlank()) {
			return id;
		}
		return null;
	}

	private static ApiException notInManifest() {
		return new ApiException(ErrorKind.FORBIDDEN, "This server only runs its persisted operations: send the id of "
				+ "an operation of its manifest in extensions.persistedQuery.sha256Hash, or that operation's exact text",
				null, Map.of("code", "PERSISTED_QUERY_NOT_IN_LIST"));
	}

	private static Mono<WebGraphQlResponse> refuse(WebGraphQlRequest request, ApiException ex) {
		return Mono.just(GraphQlErrors.refuse(request, ex));
	}

	/** The same request with the persisted document in place of the hash-only marker. */
	static WebGraphQlRequest withDocument(WebGraphQlRequest request, String document) {
		Map<String, Object> body = new HashMap<>();
		body.put("query", document);
		body.put("operationName", request.getOperationName());
		body.put("variables", request.getVariables());
		body.put("extensions", new LinkedHashMap<>(request.getExtensions()));
		return new WebGraphQlRequest(request.getUri().toUri(), request.getHeaders(), request.getCookies(),
				request.getRemoteAddress(), request.getAttributes(), body, request.getId(), request.getLocale());
	}

}
