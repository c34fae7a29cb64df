package dev.inkwell.graphql.execution;

import dev.inkwell.database.ReadRoute;
import dev.inkwell.database.RequestCancellation;
import dev.inkwell.telemetry.RequestTelemetry;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
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
 * GraphQLContext. Only the request's telemetry reaches data fetchers and batch loaders, in their
 * Reactor context (so that SQL statements count against their operation), with the read route (so
 * that their statements go to the request's replica) and the request's cancellation (so that its
 * statements stop with it); none has a ThreadLocal accessor, so no ThreadLocal is set. With
 * tracing on, the current observation goes along too, so that SQL spans have the operation as
 * their parent; not otherwise, because Reactor then restores it as a ThreadLocal around every
 * signal of the driver's {@code handle} operators (a few percent of a feed's CPU). Whoever adds
 * tracing spans inside data fetchers removes this interceptor.
 */
@Component
class NoThreadLocalPropagationInterceptor implements WebGraphQlInterceptor {

	private final ContextSnapshotFactory propagation;

	NoThreadLocalPropagationInterceptor(@Value("${inkwell.observability.tracing:false}") boolean tracing) {
		this.propagation = ContextSnapshotFactory.builder()
			.contextRegistry(new ContextRegistry().loadContextAccessors())
			.captureKeyPredicate((key) -> RequestTelemetry.KEY.equals(key) || ReadRoute.CONTEXT_KEY.equals(key)
					|| RequestCancellation.KEY.equals(key)
					|| (tracing && ObservationThreadLocalAccessor.KEY.equals(key)))
			.build();
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request)
			.contextWrite((context) -> ContextPropagationHelper.saveInstance(this.propagation, context));
	}

}
