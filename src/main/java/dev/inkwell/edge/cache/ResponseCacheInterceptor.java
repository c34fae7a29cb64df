package dev.inkwell.edge.cache;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Chooses each answer's Cache-Control from its operation's {@link CacheAnalysis}: an error-free
 * query over GET from an anonymous client gets its policy ({@code public, max-age=N}, or
 * {@code private, no-store} for a private field); a signed-in client's always gets
 * {@code private, no-store}; everything else (errors, mutations, every POST) {@code no-store}.
 * Runs after the persisted operations (so the document is known) and the document limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class ResponseCacheInterceptor implements WebGraphQlInterceptor {

	private final CacheAnalyzer analyzer;

	ResponseCacheInterceptor(CacheAnalyzer analyzer) {
		this.analyzer = analyzer;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		HttpCaching.Decision decision = HttpCaching.Decision.of(request.getAttributes());
		if (decision == null || !decision.get) {
			return chain.next(request);
		}
		CacheAnalysis analysis = this.analyzer.analyze(request.getDocument(), request.getOperationName());
		boolean anonymous = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION) == null;
		return chain.next(request).doOnNext((response) -> {
			if (analysis.kind() == CacheAnalysis.Kind.QUERY && response.getErrors().isEmpty()
					&& response.getExecutionResult().isDataPresent()) {
				decision.cacheControl = anonymous ? analysis.policy().header() : "private, no-store";
			}
		});
	}

}
