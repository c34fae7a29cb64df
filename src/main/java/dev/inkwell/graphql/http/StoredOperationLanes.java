package dev.inkwell.graphql.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.inkwell.admission.AdmissionGate.Lane;
import dev.inkwell.graphql.http.RequestLane.Reading;
import dev.inkwell.graphql.http.RequestLane.StoredOperation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The lane of a request as {@link RequestLane} read it, looking up the stored documents of the
 * persisted operations it sends by hash alone: a stored mutation takes the write lane like any
 * other. A hash names one document for good, so what each (hash, operation name) is gets
 * remembered, and only the first request for it after start-up costs a lookup (in Redis, when
 * persisted queries are shared). An unknown hash is a read: it runs nothing but its
 * PersistedQueryNotFound answer.
 */
@Component
class StoredOperationLanes {

	/** Enough for every operation of a real client; past it, forgetting all is simpler than evicting some. */
	private static final int REMEMBERED = 10_000;

	private final ObjectProvider<PersistedDocuments> documents;

	private final Map<StoredOperation, Boolean> mutations = new ConcurrentHashMap<>();

	StoredOperationLanes(ObjectProvider<PersistedDocuments> documents) {
		this.documents = documents;
	}

	Mono<Lane> of(Reading reading) {
		if (reading.mutation() || reading.stored().isEmpty()) {
			return Mono.just(reading.mutation() ? Lane.WRITE : Lane.READ);
		}
		return Flux.fromIterable(reading.stored())
			.concatMap(this::isMutation)
			.any(Boolean::booleanValue)
			.map((mutation) -> mutation ? Lane.WRITE : Lane.READ);
	}

	private Mono<Boolean> isMutation(StoredOperation operation) {
		return stored(operation).defaultIfEmpty(false);
	}

	/** Whether the stored operation is a mutation; empty when its document is not known (or cannot be looked up). */
	Mono<Boolean> stored(StoredOperation operation) {
		Boolean known = this.mutations.get(operation);
		PersistedDocuments store = this.documents.getIfAvailable();
		if (known != null || store == null) {
			return Mono.justOrEmpty(known);
		}
		return store.find(operation.id())
			.map((document) -> remember(operation, RequestLane.isMutation(document, operation.operationName())))
			.onErrorResume((ex) -> Mono.empty());
	}

	private boolean remember(StoredOperation operation, boolean mutation) {
		if (this.mutations.size() >= REMEMBERED) {
			this.mutations.clear();
		}
		this.mutations.put(operation, mutation);
		return mutation;
	}

}
