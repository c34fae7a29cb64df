package dev.inkwell.edge.persisted;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * The persisted queries of one instance, least recently used out first once either bound (entries
 * or bytes of document text) is reached.
 */
final class InProcessPersistedQueryStore implements PersistedQueryStore {

	private final int maxEntries;

	private final long maxBytes;

	private final LinkedHashMap<String, String> documents = new LinkedHashMap<>(16, 0.75f, true);

	private long bytes;

	InProcessPersistedQueryStore(int maxEntries, long maxBytes) {
		this.maxEntries = maxEntries;
		this.maxBytes = maxBytes;
	}

	@Override
	public Mono<String> find(String sha256Hash) {
		synchronized (this.documents) {
			return Mono.justOrEmpty(this.documents.get(sha256Hash));
		}
	}

	@Override
	public Mono<Void> register(String sha256Hash, String document) {
		long size = document.getBytes(StandardCharsets.UTF_8).length;
		synchronized (this.documents) {
			if (this.documents.putIfAbsent(sha256Hash, document) == null) {
				this.bytes += size;
				Iterator<Map.Entry<String, String>> eldest = this.documents.entrySet().iterator();
				while ((this.documents.size() > this.maxEntries || this.bytes > this.maxBytes) && eldest.hasNext()) {
					this.bytes -= eldest.next().getValue().getBytes(StandardCharsets.UTF_8).length;
					eldest.remove();
				}
			}
		}
		return Mono.empty();
	}

	int size() {
		synchronized (this.documents) {
			return this.documents.size();
		}
	}

}
