package dev.inkwell.edge.cache;

import java.util.Map;
import java.util.Set;

/**
 * What the response cache needs to know about one operation of one document, found from the
 * document and the schema alone (so it is computed once per document, before anything runs).
 *
 * @param kind what the operation is
 * @param policy for a query: the most restrictive hint over every field it selects
 * @param reads for a query: the data tags its answer depends on
 * @param changes for a mutation: per response key (alias or field name), what that field changes
 */
record CacheAnalysis(Kind kind, CachePolicy policy, Set<DataTags> reads, Map<String, Set<DataTags>> changes) {

	/** Not a document this analysis understands (unparsable, invalid, ambiguous): never cached. */
	static final CacheAnalysis UNKNOWN = new CacheAnalysis(Kind.UNKNOWN, CachePolicy.NO_STORE, Set.of(), Map.of());

	enum Kind {
		QUERY, MUTATION, UNKNOWN
	}

}
