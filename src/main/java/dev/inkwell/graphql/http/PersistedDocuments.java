package dev.inkwell.graphql.http;

import reactor.core.publisher.Mono;

/**
 * The documents of persisted operations by their id (edge/persisted keeps them), so that
 * admission can tell the lane of a request that sends an id without its document.
 */
public interface PersistedDocuments {

	/** The document the server would run for this id (a manifest's or an automatic persisted query's), or empty. */
	Mono<String> find(String id);

}
