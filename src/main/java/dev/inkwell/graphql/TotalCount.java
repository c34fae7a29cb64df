package dev.inkwell.graphql;

import java.util.concurrent.CompletableFuture;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import io.micrometer.context.ContextSnapshot;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.ContextPropagationHelper;

/**
 * How a connection counts its rows. Called only when a client selects {@code totalCount}: the
 * count is a statement of its own, which a page that does not show it should not pay for.
 */
@FunctionalInterface
public interface TotalCount {

	CompletableFuture<Long> load(DataFetchingEnvironment environment);

	/**
	 * Runs a count statement for a data fetcher that returns a future: with the request's Reactor
	 * context, as Spring for GraphQL gives the Monos data fetchers return (so its SQL counts against
	 * the request), which a bare {@code toFuture()} would drop.
	 */
	static CompletableFuture<Long> run(Mono<Long> count, DataFetchingEnvironment environment) {
		GraphQLContext context = environment.getGraphQlContext();
		ContextSnapshot snapshot = ContextPropagationHelper.getInstance(context).captureFrom(context);
		return count.contextWrite(snapshot::updateContext).toFuture();
	}

}
