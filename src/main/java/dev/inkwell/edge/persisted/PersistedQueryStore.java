package dev.inkwell.edge.persisted;

import reactor.core.publisher.Mono;

/** Documents registered through automatic persisted queries, by the SHA-256 of their text. */
interface PersistedQueryStore {

	/** The document with this hash, or empty when unknown (or when the store cannot be reached). */
	Mono<String> find(String sha256Hash);

	/** Keeps a document that parsed, validated and passed the limits; may evict older ones. */
	Mono<Void> register(String sha256Hash, String document);

}
