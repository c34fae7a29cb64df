package dev.inkwell.graphql.paging;

import dev.inkwell.graphql.node.NodeType;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * {@code totalCount} of every connection type ({@code PostConnection} and the others, one per node
 * type), counted only when selected, through the connection's own {@link TotalCount}.
 */
@Component
class ConnectionWiring implements RuntimeWiringConfigurer {

	private static final DataFetcher<?> TOTAL_COUNT = (environment) -> environment.<Connection<?>>getSource()
		.counter()
		.load(environment);

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		for (NodeType type : NodeType.values()) {
			wiring.type(type.typeName() + "Connection", (fields) -> fields.dataFetcher("totalCount", TOTAL_COUNT));
		}
	}

}
