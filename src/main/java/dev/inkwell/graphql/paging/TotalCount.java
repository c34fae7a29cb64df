package dev.inkwell.graphql.paging;

import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;

/**
 * How a connection counts its rows. Called only when a client selects {@code totalCount}: the
 * count is a statement of its own, which a page that does not show it should not pay for.
 */
@FunctionalInterface
public interface TotalCount {

	CompletableFuture<Long> load(DataFetchingEnvironment environment);

}
