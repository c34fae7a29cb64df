package dev.inkwell.graphql;

import graphql.scalars.ExtendedScalars;
import graphql.schema.idl.RuntimeWiring;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/** Scalars, and the {@code id} field of every Node type, which turns row ids into global ids. */
@Component
class GraphQlWiring implements RuntimeWiringConfigurer {

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.scalar(ExtendedScalars.DateTime);
		for (NodeType type : NodeType.values()) {
			wiring.type(type.typeName(), (fields) -> fields.dataFetcher("id",
					(environment) -> GlobalId.encode(type, environment.<NodeRow>getSource().id())));
		}
	}

}
