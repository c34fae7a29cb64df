package dev.inkwell.graphql.node;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.inkwell.graphql.batch.BatchLoaders;
import dev.inkwell.graphql.errors.ApiException;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * {@code node} and {@code nodes}: refetch anything by global id. Every lookup in a request goes
 * through one DataLoader, so a request costs one statement per node type, however many ids.
 */
@Controller
class NodeController {

	static final int MAX_IDS = 100;

	NodeController(BatchLoaderRegistry registry, List<NodeReader<?>> readers) {
		Map<NodeType, NodeReader<?>> byType = readers.stream()
			.collect(Collectors.toMap(NodeReader::type, Function.identity()));
		BatchLoaders.register(registry, GlobalId.class, Object.class,
				(ids, context) -> load(byType, ids, context));
	}

	@QueryMapping
	CompletableFuture<Object> node(@Argument String id, DataFetchingEnvironment environment) {
		return BatchLoaders.load(environment, GlobalId.decode(id, "id"));
	}

	@QueryMapping
	CompletableFuture<List<Object>> nodes(@Argument List<String> ids, DataFetchingEnvironment environment) {
		if (ids.size() > MAX_IDS) {
			throw ApiException.badRequest("ids", "'ids' may hold at most " + MAX_IDS + " ids; got " + ids.size());
		}
		List<GlobalId> decoded = new ArrayList<>(ids.size());
		for (int i = 0; i < ids.size(); i++) {
			decoded.add(GlobalId.decode(ids.get(i), "ids[" + i + "]"));
		}
		return BatchLoaders.loader(environment, GlobalId.class).loadMany(decoded);
	}

	private static Mono<Map<GlobalId, Object>> load(Map<NodeType, NodeReader<?>> readers, Collection<GlobalId> ids,
			Object context) {
		Map<NodeType, List<Long>> rowIdsByType = ids.stream()
			.collect(Collectors.groupingBy(GlobalId::type, Collectors.mapping(GlobalId::rowId, Collectors.toList())));
		return Flux.fromIterable(rowIdsByType.entrySet())
			.flatMap((entry) -> readers.get(entry.getKey())
				.read(entry.getValue(), context)
				.map((rows) -> keyed(entry.getKey(), rows)))
			.reduce(new HashMap<>(), (all, some) -> {
				all.putAll(some);
				return all;
			});
	}

	private static Map<GlobalId, Object> keyed(NodeType type, Map<Long, ? extends NodeRow> rows) {
		Map<GlobalId, Object> result = new HashMap<>();
		rows.forEach((rowId, row) -> result.put(new GlobalId(type, rowId), row));
		return result;
	}

}
