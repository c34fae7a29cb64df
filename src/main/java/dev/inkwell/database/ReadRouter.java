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
 * ({@code inkwell.database.reads}, tag {@code served.by}).
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
		this.servedByReplica = Counter.builder("inkwell.database.reads")
			.tag("served.by", "replica")
			.description("Read operations served by a read replica")
			.register(meters);
		this.servedByPrimary = Counter.builder("inkwell.database.reads")
			.tag("served.by", "primary")
			.description("Read operations served by the primary (no replica fresh enough, or none configured)")
			.register(meters);
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

}
