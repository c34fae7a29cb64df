package dev.inkwell.graphql.planned;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.inkwell.graphql.batch.BatchField;
import dev.inkwell.graphql.batch.BatchFields;

import graphql.execution.AsyncSerialExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.ExecutionResult;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.util.concurrent.CompletableFuture;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Installs the execution strategies: {@link PlannedExecutionStrategy} for queries (which runs a
 * covered operation from its plan and hands every other one to graphql-java) and graphql-java's
 * serial strategy for mutations, both with Spring's exception handler built from the same
 * resolvers Spring Boot gives graphql-java, and counts the operations each engine runs
 * ({@link ExecutionCounts}).
 */
@Component
class PlannedExecution implements GraphQlSourceBuilderCustomizer {

	private static final Log logger = LogFactory.getLog(PlannedExecution.class);

	private final ExecutionEngine engine;

	private final ObjectProvider<DataFetcherExceptionResolver> resolvers;

	private final ExecutionCounts counts;

	private final Map<String, BatchField> batchFields;

	PlannedExecution(@Value("${inkwell.execution:planned}") String engine,
			ObjectProvider<DataFetcherExceptionResolver> resolvers, ObjectProvider<BatchFields> features,
			MeterRegistry meters) {
		this.engine = ExecutionEngine.of(engine);
		this.resolvers = resolvers;
		this.batchFields = features.orderedStream()
			.flatMap((feature) -> feature.batchFields().stream())
			.collect(Collectors.toUnmodifiableMap(BatchField::coordinates, Function.identity()));
		this.counts = new ExecutionCounts(meters);
	}

	@Override
	public void customize(GraphQlSource.SchemaResourceBuilder builder) {
		logger.info("GraphQL execution engine: " + this.engine.tag());
		builder.configureGraphQl((graphQl) -> {
			List<DataFetcherExceptionResolver> all = this.resolvers.orderedStream().toList();
			DataFetcherExceptionHandler handler = DataFetcherExceptionResolver.createExceptionHandler(all);
			graphQl.queryExecutionStrategy(new PlannedExecutionStrategy(handler, this.engine == ExecutionEngine.PLANNED,
					this.counts, this.batchFields));
			graphQl.mutationExecutionStrategy(new CountedSerialStrategy(handler, this.counts));
		});
	}

	/** graphql-java's strategy for mutations, counted. */
	private static final class CountedSerialStrategy extends AsyncSerialExecutionStrategy {

		private final ExecutionCounts counts;

		CountedSerialStrategy(DataFetcherExceptionHandler handler, ExecutionCounts counts) {
			super(handler);
			this.counts = counts;
		}

		@Override
		public CompletableFuture<ExecutionResult> execute(ExecutionContext context,
				ExecutionStrategyParameters parameters) {
			this.counts.graphqlJava();
			return super.execute(context, parameters);
		}

	}

}
