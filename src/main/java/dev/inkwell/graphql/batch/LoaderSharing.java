package dev.inkwell.graphql.batch;

import graphql.GraphQLContext;

/**
 * Which operations may share DataLoaders ({@link SharedLoaders}): those whose contexts give equal
 * keys. Loaders load with the context of the operation that registered them, so everything the
 * loaders read from a context (the viewer) must be part of the key. Implemented where that state
 * is known (the viewer's package), so that graphql/ does not depend on it.
 */
@FunctionalInterface
public interface LoaderSharing {

	/** The key of an operation's context; operations with equal keys share loaders. */
	Object key(GraphQLContext context);

}
