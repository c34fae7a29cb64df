package dev.inkwell.edge.cache;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

/**
 * Where cached query results live (Redis when REDIS_URL is set, else in-process), with the version
 * of each data tag. An entry records the versions its query read before it ran; it is served only
 * while those are still the current ones. A mutation that answered has bumped the versions of what
 * it changed, so no entry from before it can be served afterwards, whichever instance stored it.
 */
interface ResponseStore {

	/**
	 * In one step: the entry under {@code key} if every version it recorded is current, and the
	 * current versions of {@code tags} (for storing what this request is about to compute). Empty
	 * when the store cannot be used now (Redis away): then nothing may be read from it or stored.
	 */
	Mono<Lookup> lookup(String key, List<DataTags> tags);

	/** Keeps a result for {@code ttl}, under the versions its query read before it ran. */
	Mono<Void> store(String key, String versions, String json, Duration ttl);

	/** Bumps the versions of these tags; true once done (also for none), false when it could not be done now. */
	Mono<Boolean> invalidate(Set<DataTags> tags);

	/**
	 * @param json the cached result's data, or null on a miss
	 * @param remaining how much longer the cached result may be served
	 * @param versions the current versions of the tags asked for, in their order
	 */
	record Lookup(String json, Duration remaining, String versions) {

		static final String SEPARATOR = "\n";

		/** An entry's text: the versions it was computed under, when it expires, and the result. */
		static String entry(String versions, long expiresAtMillis, String json) {
			return versions + SEPARATOR + expiresAtMillis + SEPARATOR + json;
		}

		/** The lookup for an entry's text (null or empty: none) given the current versions. */
		static Lookup of(String entry, String currentVersions, long nowMillis) {
			if (entry != null && !entry.isEmpty()) {
				int first = entry.indexOf(SEPARATOR);
				int second = entry.indexOf(SEPARATOR, first + 1);
				if (first > 0 && second > first && entry.substring(0, first).equals(currentVersions)) {
					long expiresAt = Long.parseLong(entry.substring(first + 1, second));
					if (expiresAt > nowMillis) {
						return new Lookup(entry.substring(second + 1), Duration.ofMillis(expiresAt - nowMillis),
								currentVersions);
					}
				}
			}
			return new Lookup(null, Duration.ZERO, currentVersions);
		}

		boolean isHit() {
			return this.json != null;
		}

	}

}
