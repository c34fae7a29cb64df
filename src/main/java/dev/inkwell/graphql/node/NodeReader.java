package dev.inkwell.graphql.node;

import java.util.Collection;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;

/**
 * How {@code node} and {@code nodes} read one node type: implemented by each feature's controller
 * through its read store, so a node lookup obeys the same visibility as every other read.
 *
 * @param <T> the row record; its simple name is the GraphQL type name
 */
public interface NodeReader<T extends NodeRow> {

	/**
	 * The rows among {@code rowIds} that the request's viewer may see, by row id; one statement.
	 * @param context the request's GraphQL context, which holds the viewer
	 */
	Mono<Map<Long, T>> read(Collection<Long> rowIds, Object context);

	default Class<?> rowClass() {
		return ResolvableType.forClass(getClass()).as(NodeReader.class).resolveGeneric(0);
	}

	default NodeType type() {
		return NodeType.ofTypeName(rowClass().getSimpleName());
	}

}
