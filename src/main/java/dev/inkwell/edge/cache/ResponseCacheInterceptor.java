package dev.inkwell.edge.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.inkwell.database.ReadRoute;
import dev.inkwell.edge.Sha256;
import graphql.ExecutionResult;
import reactor.core.publisher.Mono;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Caching for one GraphQL request, once its document is known (after the persisted operations) and
 * before authentication or execution:
 * <ul>
 * <li>the answer's Cache-Control ({@link HttpCaching} writes it): an error-free query over GET from
 * an anonymous client gets its policy ({@code public, max-age=N}, or {@code private, no-store} for a
 * private field); a signed-in client's always {@code private, no-store}; everything else
 * {@code no-store};</li>
 * <li>the shared response cache: an anonymous query whose policy is public is looked up by its
 * document's hash, operation name and variables; on a miss it runs, and an error-free result read
 * from the primary is kept for its max-age under the data tag versions read <em>before</em> it
 * ran;</li>
 * <li>a mutation, once it answered (its transactions committed) and before the answer leaves,
 * bumps the tags of every field of it that succeeded.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class ResponseCacheInterceptor implements WebGraphQlInterceptor {

	private static final JsonMapper json = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private static final JsonMapper plainJson = JsonMapper.builder().build();

	private final CacheAnalyzer analyzer;

	private final ResponseStore store;

	private final CacheMetrics metrics;

	private final boolean enabled;

	ResponseCacheInterceptor(CacheAnalyzer analyzer, ResponseStore store, CacheMetrics metrics, CacheSettings settings) {
		this.analyzer = analyzer;
		this.store = store;
		this.metrics = metrics;
		this.enabled = settings.responseCache();
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		CacheAnalysis analysis = this.analyzer.analyze(request.getDocument(), request.getOperationName());
		if (analysis.kind() == CacheAnalysis.Kind.MUTATION) {
			return chain.next(request).flatMap((response) -> invalidate(analysis, response).thenReturn(response));
		}
		HttpCaching.Decision decision = HttpCaching.Decision.of(request.getAttributes());
		boolean anonymous = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION) == null;
		if (!this.enabled || !anonymous || analysis.kind() != CacheAnalysis.Kind.QUERY
				|| !analysis.policy().isPublicAndCacheable()) {
			return chain.next(request).doOnNext((response) -> decide(decision, analysis, anonymous, response, null));
		}
		String key = key(request);
		List<DataTags> tags = new ArrayList<>(analysis.reads());
		return this.store.lookup(key, tags).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap((found) -> {
			if (found.isPresent() && found.get().isHit()) {
				this.metrics.hit();
				WebGraphQlResponse cached = cachedResponse(request, found.get().json());
				decide(decision, analysis, true, cached, found.get().remaining());
				return Mono.just(cached);
			}
			if (found.isEmpty()) {
				this.metrics.bypass();   // the store is away: run it, keep nothing
				return chain.next(request).doOnNext((response) -> decide(decision, analysis, true, response, null));
			}
			this.metrics.miss();
			return chain.next(request).flatMap((response) -> {
				decide(decision, analysis, true, response, null);
				return keep(key, found.get().versions(), analysis.policy(), response).thenReturn(response);
			});
		});
	}

	/** Keeps an error-free result read from the primary (a replica's may be behind what the versions say). */
	private Mono<Void> keep(String key, String versions, CachePolicy policy, WebGraphQlResponse response) {
		if (!response.getErrors().isEmpty() || !response.getExecutionResult().isDataPresent()) {
			return Mono.empty();
		}
		return Mono.deferContextual((context) -> {
			Optional<ReadRoute> route = context.getOrEmpty(ReadRoute.CONTEXT_KEY);
			if (route.isPresent() && route.get().readFromReplica()) {
				return Mono.empty();
			}
			String data = plainJson.writeValueAsString(response.getExecutionResult().getData());
			return this.store.store(key, versions, data, Duration.ofSeconds(policy.maxAge()));
		});
	}

	private Mono<Boolean> invalidate(CacheAnalysis analysis, WebGraphQlResponse response) {
		Set<DataTags> changed = EnumSet.noneOf(DataTags.class);
		if (response.getExecutionResult().getData() instanceof Map<?, ?> data) {
			analysis.changes().forEach((field, tags) -> {
				if (data.get(field) != null || (field.equals("*") && !data.isEmpty())) {
					changed.addAll(tags);
				}
			});
		}
		if (changed.isEmpty()) {
			return Mono.just(true);
		}
		this.metrics.invalidated(changed);
		return this.store.invalidate(changed);
	}

	/** The Cache-Control for this answer; {@code remaining}: how much longer a cached result may live. */
	private static void decide(HttpCaching.Decision decision, CacheAnalysis analysis, boolean anonymous,
			WebGraphQlResponse response, Duration remaining) {
		if (decision == null || !decision.get || analysis.kind() != CacheAnalysis.Kind.QUERY
				|| !response.getErrors().isEmpty() || !response.getExecutionResult().isDataPresent()) {
			return;
		}
		if (!anonymous) {
			decision.cacheControl = "private, no-store";
		}
		else if (remaining != null) {
			long seconds = remaining.toSeconds();
			decision.cacheControl = (seconds > 0) ? "public, max-age=" + seconds : "no-store";
		}
		else {
			decision.cacheControl = analysis.policy().header();
		}
	}

	/** The document's hash, the operation name and the variables (in a canonical order). */
	private static String key(WebGraphQlRequest request) {
		String operation = (request.getOperationName() != null) ? request.getOperationName() : "";
		return Sha256.hex(request.getDocument()) + ":" + Sha256.hex(operation + "\u0000"
				+ json.writeValueAsString(request.getVariables()));
	}

	private static WebGraphQlResponse cachedResponse(WebGraphQlRequest request, String data) {
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.data(plainJson.readValue(data, Map.class))
			.build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

}
