package dev.inkwell.admission;

import dev.inkwell.database.RequestCancellation;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Gives each request a {@link RequestCancellation} and fires it when the request's execution is
 * cancelled: by the client going away, or by REQUEST_TIMEOUT (this runs just inside
 * RequestTimeoutInterceptor, so its timeout cancels what runs here). Statements still running
 * for the request are then cancelled in PostgreSQL, and their connections freed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)   // just inside RequestTimeoutInterceptor (+1), so that its timeout cancels what runs here
class RequestCancellationInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return Mono.defer(() -> {
			RequestCancellation cancellation = new RequestCancellation();
			return chain.next(request)
				.doOnCancel(cancellation::cancel)
				.contextWrite((context) -> context.put(RequestCancellation.KEY, cancellation));
		});
	}

}
