package dev.inkwell.observability;

import java.util.Locale;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;

import org.springframework.stereotype.Component;

/**
 * Tells the request's {@link RequestTelemetry} which operation runs, once graphql-java has parsed
 * and validated the document and picked the operation: so only real operation names of valid
 * documents reach metrics and logs, never whatever a client put in {@code operationName}. Once per
 * operation, nothing per field.
 */
@Component
class OperationInstrumentation extends SimplePerformantInstrumentation {

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		RequestTelemetry telemetry = RequestTelemetry.from(context.getGraphQLContext());
		if (telemetry != null) {
			OperationDefinition operation = context.getOperationDefinition();
			telemetry.operation(operation.getOperation().name().toLowerCase(Locale.ROOT),
					(operation.getName() != null) ? operation.getName() : "anonymous");
		}
		return null;
	}

}
