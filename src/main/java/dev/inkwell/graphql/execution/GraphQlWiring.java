package dev.inkwell.graphql.execution;

import dev.inkwell.graphql.node.GlobalId;
import dev.inkwell.graphql.node.NodeRow;
import dev.inkwell.graphql.node.NodeType;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/** Scalars, and the {@code id} field of every Node type, which turns row ids into global ids. */
@Component
class GraphQlWiring implements RuntimeWiringConfigurer {

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.scalar(DateTimeScalar.INSTANCE);
		for (NodeType type : NodeType.values()) {
			wiring.type(type.typeName(), (fields) -> fields.dataFetcher("id", new GlobalIdFetcher(type)));
		}
	}

	/**
	 * Trivial (a pure function of the source), which tells Spring for GraphQL and graphql-java to
	 * skip the per-call context propagation and observation they give other data fetchers: this
	 * one runs for every object of every response.
	 */
	private record GlobalIdFetcher(NodeType type) implements TrivialDataFetcher<String> {

		@Override
		public String get(DataFetchingEnvironment environment) {
			return GlobalId.encode(this.type, environment.<NodeRow>getSource().id());
		}

	}

}
