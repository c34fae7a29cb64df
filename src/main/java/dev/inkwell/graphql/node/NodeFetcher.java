package dev.inkwell.graphql.node;

import java.util.Collection;
import java.util.Map;

import dev.inkwell.viewer.Viewer;
import reactor.core.publisher.Mono;

/** Reads the rows of one node type by id, for {@code node} and {@code nodes}: one statement a call. */
public interface NodeFetcher {

	NodeType type();

	/** The record the rows are read into; its simple name is the GraphQL type name. */
	Class<?> rowClass();

	/** The rows among {@code rowIds} that {@code viewer} may see, by row id; others are left out. */
	Mono<Map<Long, Object>> fetch(Collection<Long> rowIds, Viewer viewer);

}
