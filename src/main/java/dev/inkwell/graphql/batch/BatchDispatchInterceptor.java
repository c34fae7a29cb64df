package dev.inkwell.graphql.batch;

import graphql.execution.instrumentation.dataloader.DataLoaderDispatchingContextKeys;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Dispatches DataLoaders only once all pending work of the request is exhausted. With the
 * default per-level dispatch, results arriving on different database threads could dispatch a
 * level twice, splitting one relation into two statements; this keeps it to one.
 */
@Component
class BatchDispatchInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		request.configureExecutionInput((input, builder) -> {
			DataLoaderDispatchingContextKeys.setEnableDataLoaderExhaustedDispatching(input.getGraphQLContext(), true);
			return builder.build();
		});
		return chain.next(request);
	}

}
