package dev.inkwell.graphql.execution;

import dev.inkwell.database.ReadRoute;
import dev.inkwell.database.RequestCancellation;
import dev.inkwell.telemetry.RequestTelemetry;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshotFactory;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.ContextPropagationHelper;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Propagates no ThreadLocal values into data fetchers and batch loaders. Spring for GraphQL
 * otherwise copies the request's Reactor context into the GraphQLContext and, around each of the
 * hundreds of data fetcher calls of a list response, captures it and sets and restores every
 * registered ThreadLocal (Micrometer's current observation among them): 15% of the CPU of the
 * benchmark's feed. Nothing in Inkwell reads a ThreadLocal; the viewer travels in the
 * GraphQLContext. Only the request's telemetry and current observation reach data fetchers and
 * batch loaders, in their Reactor context (so that SQL statements count against, and trace under,
 * their operation), the read route (so that their statements go to the request's replica) and
 * the request's cancellation (so that its statements stop with it); none has a ThreadLocal
 * accessor, so no ThreadLocal is set. Whoever adds
 * tracing spans inside data fetchers removes this interceptor.
 */
@Component
class NoThreadLocalPropagationInterceptor implements WebGraphQlInterceptor {

	private static final ContextSnapshotFactory NOTHING_TO_PROPAGATE = ContextSnapshotFactory.builder()
		.contextRegistry(new ContextRegistry().loadContextAccessors())
		// Besides telemetry, the read route and the request's cancellation, which its statements listen for.
		.captureKeyPredicate((key) -> RequestTelemetry.PROPAGATED_KEYS.contains(key) || ReadRoute.CONTEXT_KEY.equals(key)
				|| RequestCancellation.KEY.equals(key))
		.build();

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request)
			.contextWrite((context) -> ContextPropagationHelper.saveInstance(NOTHING_TO_PROPAGATE, context));
	}

}
