package dev.inkwell.graphql.routing;

import java.util.concurrent.CompletionStage;

import dev.inkwell.auth.AuthPayload;
import dev.inkwell.viewer.Viewer;
import dev.inkwell.database.ReadRoute;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;

import org.springframework.stereotype.Component;

/**
 * Fills in the request's {@link ReadRoute} once graphql-java knows the operation: a query may read
 * from a replica, a mutation (and everything resolved inside it) may not; and the viewer whose
 * writes its reads must see. {@code register} writes for a user who is not the viewer yet: their
 * first reads with the new token must see their account too.
 */
@Component
class ReadRoutingInstrumentation extends SimplePerformantInstrumentation {

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext execution = parameters.getExecutionContext();
		ReadRoute route = execution.getGraphQLContext().get(ReadRoute.CONTEXT_KEY);
		if (route != null) {
			OperationDefinition.Operation operation = execution.getOperationDefinition().getOperation();
			route.operation(operation == OperationDefinition.Operation.QUERY,
					operation == OperationDefinition.Operation.MUTATION,
					Viewer.from(execution.getGraphQLContext()).userId());
		}
		return SimpleInstrumentationContext.noOp();
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		DataFetchingEnvironment environment = parameters.getEnvironment();
		if (parameters.isTrivialDataFetcher() || !"register".equals(environment.getField().getName())
				|| !(environment.getParentType() instanceof GraphQLObjectType parent)
				|| !parent.getName().equals("Mutation")) {
			return dataFetcher;
		}
		return (env) -> {
			Object result = dataFetcher.get(env);
			ReadRoute route = env.getGraphQlContext().get(ReadRoute.CONTEXT_KEY);
			if (route != null && result instanceof CompletionStage<?> pending) {
				return pending.thenApply((value) -> {
					if (value instanceof AuthPayload payload && payload.user() != null) {
						route.wroteFor(payload.user().id());
					}
					return value;
				});
			}
			return result;
		};
	}

}
