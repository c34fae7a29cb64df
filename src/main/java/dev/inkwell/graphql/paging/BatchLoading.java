package dev.inkwell.graphql.paging;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.inkwell.graphql.node.NodeRow;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/** Helpers for batch loaders. */
public final class BatchLoading {

	private BatchLoading() {
	}

	/**
	 * Loads keys of a relation with arguments: one call (one statement) per distinct set of
	 * arguments, for all parents that share it. Parents missing from a result get {@code absent}.
	 */
	public static <A, V> Mono<Map<ParentKey<A>, V>> byArguments(Collection<ParentKey<A>> keys,
			BiFunction<A, Long[], Mono<Map<Long, V>>> load, Function<ParentKey<A>, V> absent) {
		Map<A, List<ParentKey<A>>> groups = keys.stream().collect(Collectors.groupingBy(ParentKey::arguments));
		return Flux.fromIterable(groups.entrySet())
			.flatMap((group) -> load
				.apply(group.getKey(), group.getValue().stream().map(ParentKey::parentId).toArray(Long[]::new))
				.map((values) -> {
					Map<ParentKey<A>, V> result = new HashMap<>();
					for (ParentKey<A> key : group.getValue()) {
						V value = values.get(key.parentId());
						result.put(key, (value != null) ? value : absent.apply(key));
					}
					return result;
				}))
			.reduce(new HashMap<>(), (all, some) -> {
				all.putAll(some);
				return all;
			});
	}

	/** Fills in {@code absent} for the keys a grouped query returned nothing for (e.g. a count of 0). */
	public static <K, V> Map<K, V> withDefaults(Collection<K> keys, Map<K, V> found, V absent) {
		Map<K, V> result = new HashMap<>(found);
		keys.forEach((key) -> result.putIfAbsent(key, absent));
		return result;
	}

	/** Groups the rows of a per-parent page statement by parent and builds each parent's connection. */
	public static <T extends NodeRow> Map<Long, Connection<T>> connections(List<Keyed<T>> rows, PageRequest page,
			Keyset keyset, Function<Long, TotalCount> counter) {
		Map<Long, List<Keyed<T>>> byParent = rows.stream()
			.collect(Collectors.groupingBy(Keyed::parentId, Collectors.toList()));
		Map<Long, Connection<T>> result = new HashMap<>();
		byParent.forEach((parentId, parentRows) -> result.put(parentId,
				Connection.of(parentRows, page, keyset, counter.apply(parentId))));
		return result;
	}

	/** Binds named parameters; none may be null (write the condition differently instead). */
	public static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec,
			Map<String, Object> parameters) {
		for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
			spec = spec.bind(parameter.getKey(), parameter.getValue());
		}
		return spec;
	}

}
