package dev.inkwell.graphql.batch;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;

/**
 * Registers and finds DataLoaders by key type. Spring for GraphQL finds a {@code DataLoader<K, V>}
 * parameter by the name of its value type, and several relations share one (every count is a
 * {@code Long}); the key types are unique, one record per relation, so they name the loaders.
 */
public final class BatchLoaders {

	private BatchLoaders() {
	}

	/**
	 * Registers the loader of one relation.
	 * @param load the values for a batch of keys, given the request's GraphQL context (which holds the viewer)
	 */
	@SuppressWarnings("unchecked")
	public static <K extends BatchKey<V>, V> void register(BatchLoaderRegistry registry, Class<K> keyType,
			Class<? super V> valueType, BiFunction<Set<K>, Object, Mono<Map<K, V>>> load) {
		registry.forTypePair(keyType, (Class<V>) valueType)
			.withName(keyType.getName())
			.registerMappedBatchLoader((keys, environment) -> load.apply(keys, environment.getContext()));
	}

	/** The loader registered for {@code keyType}. */
	public static <K extends BatchKey<V>, V> DataLoader<K, V> loader(DataFetchingEnvironment environment,
			Class<K> keyType) {
		return environment.getDataLoader(keyType.getName());
	}

	/** Loads one key through the loader of its type. */
	@SuppressWarnings("unchecked")
	public static <V> CompletableFuture<V> load(DataFetchingEnvironment environment, BatchKey<V> key) {
		return loader(environment, (Class<BatchKey<V>>) key.getClass()).load(key);
	}

	/**
	 * Loads the keys of a relation with arguments ({@code User.posts(first:, after:)}): one call
	 * (one statement) per distinct set of arguments, for all the parents that share it. Parents
	 * missing from a result get {@code absent}.
	 * @param parentId the parent's row id in a key
	 * @param arguments what the keys loaded together share: the field's arguments
	 * @param load the values by parent id, for one key of the group (its arguments) and all the group's parent ids
	 */
	public static <K, V> Mono<Map<K, V>> perArguments(Collection<K> keys, ToLongFunction<K> parentId,
			Function<K, List<Object>> arguments, BiFunction<K, Long[], Mono<Map<Long, V>>> load,
			Function<K, V> absent) {
		Map<List<Object>, List<K>> groups = keys.stream().collect(Collectors.groupingBy(arguments));
		return Flux.fromIterable(groups.values())
			.flatMap((group) -> load.apply(group.get(0), group.stream().map(parentId::applyAsLong).toArray(Long[]::new))
				.map((values) -> {
					Map<K, V> result = new HashMap<>();
					for (K key : group) {
						V value = values.get(parentId.applyAsLong(key));
						result.put(key, (value != null) ? value : absent.apply(key));
					}
					return result;
				}))
			.reduce(new HashMap<>(), (all, some) -> {
				all.putAll(some);
				return all;
			});
	}

	/**
	 * The values of keys without arguments from a statement's results by parent id, with
	 * {@code absent} for parents it returned nothing for (a count of 0).
	 */
	public static <K, V> Map<K, V> byParent(Collection<K> keys, ToLongFunction<K> parentId, Map<Long, V> found,
			V absent) {
		Map<K, V> result = new HashMap<>();
		for (K key : keys) {
			result.put(key, found.getOrDefault(parentId.applyAsLong(key), absent));
		}
		return result;
	}

}
