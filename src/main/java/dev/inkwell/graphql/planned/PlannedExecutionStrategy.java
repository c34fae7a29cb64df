package dev.inkwell.graphql.planned;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;

import dev.inkwell.graphql.batch.BatchField;
import graphql.ExecutionResult;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.language.OperationDefinition;

/**
 * The query strategy. graphql-java has parsed, validated, coerced the variables and checked the
 * limits before it calls this, and adds {@code extensions.cost} after; here a covered operation
 * runs from its plan ({@link PlanRun}) and any other on graphql-java's own strategy. Whether an
 * operation is covered is decided when it is compiled, once per operation of a cached document,
 * never during a request.
 */
final class PlannedExecutionStrategy extends AsyncExecutionStrategy {

	/** Keyed by the operation's AST node: the document cache keeps the document, so it is reused. */
	private final Map<OperationDefinition, Planner.Compiled> compiled = Collections
		.synchronizedMap(new WeakHashMap<>());

	private final boolean enabled;

	private final ExecutionCounts counts;

	private final Map<String, BatchField> batchFields;

	PlannedExecutionStrategy(DataFetcherExceptionHandler handler, boolean enabled, ExecutionCounts counts,
			Map<String, BatchField> batchFields) {
		super(handler);
		this.enabled = enabled;
		this.counts = counts;
		this.batchFields = batchFields;
	}

	@Override
	public CompletableFuture<ExecutionResult> execute(ExecutionContext context, ExecutionStrategyParameters parameters) {
		Plan plan = this.enabled ? plan(context) : null;
		if (plan == null) {
			this.counts.graphqlJava();
			return super.execute(context, parameters);
		}
		this.counts.planned();
		return new PlanRun(context, parameters, this.dataFetcherExceptionHandler, plan).run();
	}

	/** The operation's plan for this request's conditions, or null when graphql-java runs it. */
	private Plan plan(ExecutionContext context) {
		OperationDefinition operation = context.getOperationDefinition();
		Planner.Compiled entry = this.compiled.get(operation);
		if (entry == null) {
			entry = Planner.prepare(context, this.batchFields);
			this.compiled.put(operation, entry);
		}
		return entry.plan(context);
	}

}
