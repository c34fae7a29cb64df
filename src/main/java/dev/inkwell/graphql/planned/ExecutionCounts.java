package dev.inkwell.graphql.planned;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The operations each engine ran: {@code inkwell.graphql.execution}, tag {@code engine}. */
final class ExecutionCounts {

	private final Counter planned;

	private final Counter graphqlJava;

	ExecutionCounts(MeterRegistry meters) {
		this.planned = counter(meters, ExecutionEngine.PLANNED);
		this.graphqlJava = counter(meters, ExecutionEngine.GRAPHQL_JAVA);
	}

	/** An operation ran from its plan. */
	void planned() {
		this.planned.increment();
	}

	/** An operation ran on graphql-java's own strategy. */
	void graphqlJava() {
		this.graphqlJava.increment();
	}

	private static Counter counter(MeterRegistry meters, ExecutionEngine engine) {
		return Counter.builder("inkwell.graphql.execution")
			.description("GraphQL operations executed, by the engine that ran them")
			.tag("engine", engine.tag())
			.register(meters);
	}

}
