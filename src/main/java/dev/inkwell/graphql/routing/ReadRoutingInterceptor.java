package dev.inkwell.graphql.routing;

import java.util.Map;

import dev.inkwell.database.ReadRoute;
import dev.inkwell.database.ReadRouter;
import dev.inkwell.graphql.errors.DatabaseErrors;
import graphql.GraphQLError;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * With read replicas configured, gives every request its {@link ReadRoute} (filled in by
 * {@link ReadRoutingInstrumentation} once the operation is known), and afterwards: records the
 * primary's position for whoever a mutation wrote for (read-your-writes), and runs a query again on
 * the primary if it failed on a replica that has since stopped answering, so a replica going down
 * reaches no client as an error (a read-only operation can safely run twice).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ReadRoutingInterceptor implements WebGraphQlInterceptor {

	private static final Log logger = LogFactory.getLog(ReadRoutingInterceptor.class);

	private final ReadRouter router;

	ReadRoutingInterceptor(ReadRouter router) {
		this.router = router;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!this.router.hasReplicas()) {
			return chain.next(request);
		}
		ReadRoute route = new ReadRoute();
		request.configureExecutionInput(
				(input, builder) -> builder.graphQLContext(Map.of(ReadRoute.CONTEXT_KEY, route)).build());
		return chain.next(request)
			.flatMap((response) -> afterwards(request, chain, route, response))
			.contextWrite(Context.of(ReadRoute.CONTEXT_KEY, route));
	}

	private Mono<WebGraphQlResponse> afterwards(WebGraphQlRequest request, Chain chain, ReadRoute route,
			WebGraphQlResponse response) {
		if (route.isMutation() && hasData(response)) {
			return this.router.recordWrites(route).onErrorResume((ex) -> {
				logger.warn("Could not record the write position of request " + request.getId()
						+ "; its viewer may read older data from a replica for up to REPLICA_MAX_LAG: " + ex);
				return Mono.empty();
			}).thenReturn(response);
		}
		if (route.readFromReplica() && lostTheDatabase(response)) {
			this.router.replicaFailed(route, "a request on it lost its connection");
			return chain.next(request);
		}
		return Mono.just(response);
	}

	private static boolean hasData(WebGraphQlResponse response) {
		Object data = response.getExecutionResult().getData();
		return (data instanceof Map<?, ?> fields) && fields.values().stream().anyMatch((value) -> value != null);
	}

	private static boolean lostTheDatabase(WebGraphQlResponse response) {
		for (GraphQLError error : response.getExecutionResult().getErrors()) {
			if (DatabaseErrors.UNAVAILABLE.equals(error.getMessage())) {
				return true;
			}
		}
		return false;
	}

}
