package dev.inkwell.database;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcTimeoutException;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Picks, once per read operation, the replica it reads from: one that has replayed the viewer's
 * last write (anonymous readers have none) and is at most REPLICA_MAX_LAG behind; otherwise the
 * primary. A replica that refuses a connection is marked down and the read goes to the primary, so
 * no error reaches the client. Counts reads by where they were served
 * ({@code inkwell.database.reads}, tag {@code served.by}). The one way the GraphQL layer reaches
 * read routing: which replicas there are and where viewers' writes stand stay behind it.
 */
@Component
public class ReadRouter {

	private final ReplicaMonitor monitor;

	private final ViewerWritePositions positions;

	private final Counter servedByReplica;

	private final Counter servedByPrimary;

	ReadRouter(ReplicaMonitor monitor, ViewerWritePositions positions, MeterRegistry meters) {
		this.monitor = monitor;
		this.positions = positions;
		this.servedByReplica = reads("replica", "Read operations served by a read replica", meters);
		this.servedByPrimary = reads("primary",
				"Read operations served by the primary (no replica fresh enough, or none configured)", meters);
	}

	/** Without replicas every read goes to the primary, and requests need no route. */
	public boolean hasReplicas() {
		return this.monitor.hasReplicas();
	}

	/** After a mutation: stores the primary's position for whoever it wrote for (read-your-writes). */
	public Mono<Void> recordWrites(ReadRoute route) {
		return this.positions.record(route.writers());
	}

	Mono<Connection> connect(ReadRoute route, Mono<Connection> primary) {
		if (!route.mayUseReplica()) {
			return primary;
		}
		return route.replica(() -> decide(route))
			.flatMap((replica) -> replica.create().onErrorResume((ex) -> {
				// A full replica pool is busy, not down: only this request moves to the primary.
				if (!(ex instanceof R2dbcTimeoutException)) {
					replica.markDown(ex);
				}
				route.usePrimary();
				return primary;
			}))
			.switchIfEmpty(primary);
	}

	/**
	 * A read on the route's replica lost its connection (the replica stopped under it): the replica is
	 * skipped until its next check finds it answering, and the route reads from the primary.
	 */
	public void replicaFailed(ReadRoute route, String problem) {
		ReadReplica replica = route.replica();
		if (replica != null) {
			replica.markDown(new IllegalStateException(problem));
		}
		route.usePrimary();
	}

	private Mono<ReadReplica> decide(ReadRoute route) {
		Long viewer = route.viewerId();
		Mono<Long> position = (viewer != null) ? this.positions.of(viewer) : Mono.just(-1L);
		return position.mapNotNull(this.monitor::pick).doOnNext((replica) -> this.servedByReplica.increment())
			.switchIfEmpty(Mono.fromRunnable(this.servedByPrimary::increment));
	}

	private static Counter reads(String servedBy, String description, MeterRegistry meters) {
		return Counter.builder("inkwell.database.reads")
			.tag("served.by", servedBy)
			.description(description)
			.register(meters);
	}

}
