package dev.inkwell.graphql.node;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.inkwell.graphql.errors.ApiException;
import dev.inkwell.viewer.Viewer;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
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

	private static final String LOADER = "node";

	NodeController(BatchLoaderRegistry registry, List<NodeFetcher> fetchers) {
		Map<NodeType, NodeFetcher> byType = fetchers.stream()
			.collect(Collectors.toMap(NodeFetcher::type, Function.identity()));
		registry.forTypePair(GlobalId.class, Object.class)
			.withName(LOADER)
			.registerMappedBatchLoader((ids, environment) -> load(byType, ids,
					Viewer.from(environment.<GraphQLContext>getContext())));
	}

	@QueryMapping
	CompletableFuture<Object> node(@Argument String id, DataFetchingEnvironment environment) {
		return environment.<GlobalId, Object>getDataLoader(LOADER).load(GlobalId.decode(id, "id"));
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
		DataLoader<GlobalId, Object> loader = environment.getDataLoader(LOADER);
		return loader.loadMany(decoded);
	}

	private static Mono<Map<GlobalId, Object>> load(Map<NodeType, NodeFetcher> fetchers, Collection<GlobalId> ids,
			Viewer viewer) {
		Map<NodeType, List<Long>> rowIdsByType = ids.stream()
			.collect(Collectors.groupingBy(GlobalId::type, Collectors.mapping(GlobalId::rowId, Collectors.toList())));
		return Flux.fromIterable(rowIdsByType.entrySet())
			.flatMap((entry) -> fetchers.get(entry.getKey())
				.fetch(entry.getValue(), viewer)
				.map((rows) -> keyed(entry.getKey(), rows)))
			.reduce(new HashMap<>(), (all, some) -> {
				all.putAll(some);
				return all;
			});
	}

	private static Map<GlobalId, Object> keyed(NodeType type, Map<Long, Object> rows) {
		Map<GlobalId, Object> result = new HashMap<>();
		rows.forEach((rowId, row) -> result.put(new GlobalId(type, rowId), row));
		return result;
	}

}
