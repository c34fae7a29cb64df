package dev.inkwell.graphql.batch;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;

/**
 * A relation field read through a DataLoader, declared once beside the feature that owns it: the
 * loader, and the key one parent asks it for given the field's arguments. graphql-java's path
 * loads one parent's key with it ({@link #load}); the planned engine asks the loader for the keys
 * of all the parents of a level at once, without a fetcher call per parent. Either way the keys,
 * the loader and so the statements are the same.
 *
 * @param coordinates {@code Type.field}
 * @param loaderName the name the loader is registered under
 * @param key the key of one parent, given the field's coerced arguments
 */
public record BatchField(String coordinates, String loaderName, BiFunction<Object, Map<String, Object>, Object> key) {

	/**
	 * A field served by a {@code @BatchMapping} method: Spring for GraphQL registers its loader
	 * under the field's coordinates, keyed by the parent itself.
	 */
	public static BatchField batchMapping(String typeName, String fieldName) {
		String coordinates = typeName + "." + fieldName;
		return new BatchField(coordinates, coordinates, (parent, arguments) -> parent);
	}

	/** A field loaded by the loader of {@code keyType} ({@link BatchLoaders#register}). */
	@SuppressWarnings("unchecked")
	public static <P, K extends BatchKey<?>> BatchField keyed(String typeName, String fieldName, Class<K> keyType,
			BiFunction<P, Map<String, Object>, K> key) {
		return new BatchField(typeName + "." + fieldName, keyType.getName(),
				(parent, arguments) -> key.apply((P) parent, arguments));
	}

	/** Loads the key of the environment's parent: how graphql-java's path reads the field. */
	public <V> CompletableFuture<V> load(DataFetchingEnvironment environment) {
		DataLoader<Object, V> loader = environment.getDataLoader(this.loaderName);
		return loader.load(this.key.apply(environment.getSource(), environment.getArguments()));
	}

}
