package dev.inkwell.graphql.batch;

/**
 * A DataLoader key of one relation, typed by what it loads. Each relation has a small key record
 * of its own; its class is the DataLoader's name ({@link BatchLoaders}), so no loader is looked up
 * by a string.
 *
 * @param <V> the value one key loads
 */
public interface BatchKey<V> {

}
