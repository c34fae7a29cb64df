package dev.inkwell.graphql.batch;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;

import org.springframework.stereotype.Component;

/**
 * Tells {@link SharedLoaders} when an operation waits on work of its own: a fetch that returned a
 * future without loading through a shared loader (a root field's statement, a count). graphql-java
 * counts an operation as idle as soon as its fetchers have returned, so without this the shared
 * loaders would dispatch while another operation's root statement is still running, and its keys
 * would go out in a statement of their own. Only operations of a batch have a participant; for
 * the others this adds nothing but a null check per field.
 */
@Component
class SharedLoadersInstrumentation extends SimplePerformantInstrumentation {

	private record Taking(SharedLoaders.Participant participant) implements InstrumentationState {
	}

	@Override
	public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
		SharedLoaders.Participant participant = parameters.getExecutionInput()
			.getGraphQLContext()
			.get(SharedLoaders.Participant.class);
		return CompletableFuture.completedFuture((participant != null) ? new Taking(participant) : null);
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		if (!(state instanceof Taking taking) || parameters.isTrivialDataFetcher()) {
			return dataFetcher;
		}
		SharedLoaders.Participant participant = taking.participant();
		return (environment) -> {
			long loadsBefore = SharedLoaders.loadsOnThisThread();
			Object result = dataFetcher.get(environment);
			if (!(result instanceof CompletionStage<?> stage) || SharedLoaders.loadsOnThisThread() != loadsBefore) {
				return result;
			}
			CompletableFuture<?> own = stage.toCompletableFuture();
			if (own.isDone()) {
				return result;
			}
			participant.ownWorkStarted();
			CompletableFuture<Object> relayed = new CompletableFuture<>();
			own.whenComplete((value, failure) -> {
				// graphql-java continues (and queues the next loads) inside complete; only then is this work over.
				try {
					if (failure != null) {
						relayed.completeExceptionally(failure);
					}
					else {
						relayed.complete(value);
					}
				}
				finally {
					participant.ownWorkEnded();
				}
			});
			return relayed;
		};
	}

}
