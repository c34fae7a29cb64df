package dev.inkwell.graphql.limits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.inkwell.graphql.errors.ErrorKind;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;

import org.springframework.stereotype.Component;

/**
 * Refuses an operation that exceeds a limit before any field runs (so it executes no SQL), with
 * one error naming the limit and the value, and reports the operation's cost in the
 * {@code extensions} of every response it runs.
 */
@Component
class OperationLimitsInstrumentation extends SimplePerformantInstrumentation {

	private final OperationLimits limits;

	OperationLimitsInstrumentation(OperationLimits limits) {
		this.limits = limits;
	}

	/** Carries the measured cost from the check to the response. */
	private static final class Cost implements InstrumentationState {

		volatile Long value;

	}

	@Override
	public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
		return CompletableFuture.completedFuture(new Cost());
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		OperationAnalysis.Measures measures = OperationAnalysis.measure(context.getGraphQLSchema(),
				context.getOperationDefinition(), context.getFragmentsByName(), context.getCoercedVariables().toMap(),
				this.limits);
		((Cost) state).value = measures.cost();
		GraphQLError violation = firstViolation(measures);
		BatchCostBudget.Turn batch = context.getGraphQLContext().get(BatchCostBudget.Turn.class);
		if (batch != null && violation != null) {
			batch.pass();
		}
		else if (batch != null && !batch.spend(measures.cost())) {
			violation = violation("batchCost", measures.cost(), batch.remaining(), "The batch would cost more than "
					+ this.limits.maxCost() + " in all: this operation costs " + measures.cost() + " and the operations "
					+ "before it left " + batch.remaining() + ". Send fewer or smaller operations in one batch");
		}
		if (violation != null) {
			throw new AbortExecutionException(List.of(violation));
		}
		return null;
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		Long cost = (state instanceof Cost measured) ? measured.value : null;
		if (cost == null) {
			return CompletableFuture.completedFuture(result);
		}
		Map<Object, Object> extensions = new LinkedHashMap<>();
		if (result.getExtensions() != null) {
			extensions.putAll(result.getExtensions());
		}
		extensions.put("cost", Map.of("requested", Math.min(cost, this.limits.maxCost() + 1), "maximum",
				this.limits.maxCost()));
		return CompletableFuture.completedFuture(result.transform((builder) -> builder.extensions(extensions)));
	}

	private GraphQLError firstViolation(OperationAnalysis.Measures measures) {
		if (measures.rootFields() > this.limits.maxRootFields()) {
			return violation("rootFields", measures.rootFields(), this.limits.maxRootFields(),
					"The operation selects " + measures.rootFields() + " top-level fields; the limit is "
							+ this.limits.maxRootFields());
		}
		if (measures.aliases() > this.limits.maxAliases()) {
			return violation("aliases", measures.aliases(), this.limits.maxAliases(), "The document uses "
					+ measures.aliases() + " aliases; the limit is " + this.limits.maxAliases());
		}
		if (measures.directives() > this.limits.maxDirectives()) {
			return violation("directives", measures.directives(), this.limits.maxDirectives(), "The document uses "
					+ measures.directives() + " directives; the limit is " + this.limits.maxDirectives());
		}
		if (measures.depth() > this.limits.maxDepth()) {
			return violation("depth", measures.depth(), this.limits.maxDepth(), "The query is nested "
					+ measures.depth() + " levels deep; the limit is " + this.limits.maxDepth()
					+ " (a connection adds two levels: edges/nodes and node)");
		}
		if (measures.maxOffset() > this.limits.maxOffset()) {
			return violation("offset", measures.maxOffset(), this.limits.maxOffset(), "'offset' may be at most "
					+ this.limits.maxOffset() + "; got " + measures.maxOffset()
					+ ". Page further with cursors (first/after), which stay fast at any depth");
		}
		if (measures.cost() > this.limits.maxCost()) {
			return violation("cost", measures.cost(), this.limits.maxCost(), "The query would cost more than "
					+ this.limits.maxCost() + " (at least " + measures.cost() + "): lists multiply the cost of what "
					+ "they select by first/last or the page size. Ask for smaller pages or fewer nested lists");
		}
		return null;
	}

	private static GraphQLError violation(String limit, long actual, long maximum, String message) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("classification", ErrorKind.BAD_REQUEST.name());
		extensions.put("limit", limit);
		extensions.put("maximum", maximum);
		extensions.put("actual", actual);
		return GraphqlErrorBuilder.newError().errorType(ErrorKind.BAD_REQUEST).message(message).extensions(extensions)
			.build();
	}

}
