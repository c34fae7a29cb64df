package dev.inkwell.edge.cache;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

/**
 * The response cache of one instance (no REDIS_URL), bounded by the characters of the results it
 * keeps: least recently used out first. One lock guards entries and versions together, so a
 * lookup's entry and versions are one consistent snapshot, as Redis's script gives.
 */
final class InProcessResponseStore implements ResponseStore {

	private final long maxChars;

	private final Map<DataTags, Long> versions = new EnumMap<>(DataTags.class);

	private final LinkedHashMap<String, String> entries = new LinkedHashMap<>(16, 0.75f, true);

	private long chars;

	InProcessResponseStore(long maxBytes) {
		this.maxChars = maxBytes / 2;   // a Java char is two bytes
		for (DataTags tag : DataTags.values()) {
			this.versions.put(tag, ThreadLocalRandom.current().nextLong(1L << 52));
		}
	}

	@Override
	public Mono<Lookup> lookup(String key, List<DataTags> tags) {
		synchronized (this) {
			String current = tags.stream().map((tag) -> String.valueOf(this.versions.get(tag)))
				.collect(Collectors.joining(","));
			return Mono.just(Lookup.of(this.entries.get(key), current, System.currentTimeMillis()));
		}
	}

	@Override
	public Mono<Void> store(String key, String versions, String json, Duration ttl) {
		String entry = Lookup.entry(versions, System.currentTimeMillis() + ttl.toMillis(), json);
		if (entry.length() > this.maxChars) {
			return Mono.empty();
		}
		synchronized (this) {
			String previous = this.entries.put(key, entry);
			this.chars += entry.length() - ((previous != null) ? previous.length() : 0);
			Iterator<String> eldest = this.entries.values().iterator();
			while (this.chars > this.maxChars && eldest.hasNext()) {
				this.chars -= eldest.next().length();
				eldest.remove();
			}
		}
		return Mono.empty();
	}

	@Override
	public Mono<Boolean> invalidate(Set<DataTags> tags) {
		synchronized (this) {
			for (DataTags tag : tags) {
				this.versions.merge(tag, 1L, Long::sum);
			}
		}
		return Mono.just(true);
	}

	synchronized int size() {
		return this.entries.size();
	}

}
