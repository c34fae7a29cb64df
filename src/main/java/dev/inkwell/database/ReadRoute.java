package dev.inkwell.database;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * Where one GraphQL request reads, decided once per request: travels in its Reactor context (and
 * GraphQL context) under {@link #CONTEXT_KEY}. Until the operation is known to be a query,
 * everything goes to the primary: authentication's lookup, every mutation and whatever runs inside
 * one, and anything outside a GraphQL request.
 */
public final class ReadRoute {

	public static final String CONTEXT_KEY = "inkwell.readRoute";

	private volatile boolean query;

	private volatile boolean mutation;

	private volatile Long viewerId;

	private volatile boolean primaryOnly;

	private final Set<Long> wroteFor = ConcurrentHashMap.newKeySet();

	private Mono<ReadReplica> decision;

	private volatile ReadReplica replica;

	/** The operation is known: a query may read from a replica, anything else may not. */
	public void operation(boolean isQuery, boolean isMutation, Long viewerId) {
		this.viewerId = viewerId;
		this.mutation = isMutation;
		this.query = isQuery;
	}

	/** A mutation created or changed what {@code userId} will read back (e.g. registered them). */
	public void wroteFor(long userId) {
		this.wroteFor.add(userId);
	}

	public boolean isMutation() {
		return this.mutation;
	}

	/** Whose later reads must see this request's writes: the viewer and anyone it wrote for. */
	public Set<Long> writers() {
		Set<Long> writers = new HashSet<>(this.wroteFor);
		if (this.viewerId != null) {
			writers.add(this.viewerId);
		}
		return writers;
	}

	/** The replica this request read from, if any. */
	ReadReplica replica() {
		return this.replica;
	}

	public boolean readFromReplica() {
		return this.replica != null;
	}

	/** From now on this request reads from the primary (its replica failed). */
	public void usePrimary() {
		this.primaryOnly = true;
		this.replica = null;
	}

	boolean mayUseReplica() {
		return this.query && !this.primaryOnly;
	}

	Long viewerId() {
		return this.viewerId;
	}

	/** The replica to read from (empty: the primary), decided by {@code decide} on first use only. */
	synchronized Mono<ReadReplica> replica(Supplier<Mono<ReadReplica>> decide) {
		if (this.decision == null) {
			this.decision = decide.get().doOnNext((chosen) -> this.replica = chosen).cache();
		}
		return this.decision;
	}

}
