package dev.inkwell.edge.cache;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The response cache's counters: {@code inkwell.response.cache.requests} by {@code result} (hit,
 * miss, bypass: the store was away) and {@code inkwell.response.cache.invalidations} by data
 * {@code tag}.
 */
final class CacheMetrics {

	private final Counter hits;

	private final Counter misses;

	private final Counter bypasses;

	private final Map<DataTags, Counter> invalidations = new EnumMap<>(DataTags.class);

	CacheMetrics(MeterRegistry registry) {
		this.hits = requests(registry, "hit");
		this.misses = requests(registry, "miss");
		this.bypasses = requests(registry, "bypass");
		for (DataTags tag : DataTags.values()) {
			this.invalidations.put(tag, Counter.builder("inkwell.response.cache.invalidations")
				.description("Data tag versions bumped by mutations (each invalidates every cached result that read the tag)")
				.tag("tag", tag.key())
				.register(registry));
		}
	}

	private static Counter requests(MeterRegistry registry, String result) {
		return Counter.builder("inkwell.response.cache.requests")
			.description("Anonymous public queries looked up in the response cache")
			.tag("result", result)
			.register(registry);
	}

	void hit() {
		this.hits.increment();
	}

	void miss() {
		this.misses.increment();
	}

	void bypass() {
		this.bypasses.increment();
	}

	void invalidated(Set<DataTags> tags) {
		tags.forEach((tag) -> this.invalidations.get(tag).increment());
	}

}
