package dev.inkwell.database;

import java.time.Duration;
import java.time.Instant;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;

/**
 * One streaming standby: its connection pool, its probe connection, and what the last check found.
 * Replay only moves forward, so a position seen at the last check is a safe lower bound now.
 */
final class ReadReplica {

	private final String name;

	private final ConnectionPool pool;

	private final ConnectionFactory connections;

	private final ProbeConnection probe;

	private volatile State state = State.unknown();

	ReadReplica(String name, ConnectionPool pool, ProbeConnection probe) {
		this.name = name;
		this.pool = pool;
		this.connections = new DeadConnectionSkippingConnectionFactory(pool, pool.getMetrics()
			.map((metrics) -> metrics.getMaxAllocatedSize())
			.orElse(10));
		this.probe = probe;
	}

	String name() {
		return this.name;
	}

	ProbeConnection probe() {
		return this.probe;
	}

	State state() {
		return this.state;
	}

	void update(State state) {
		this.state = state;
	}

	/** Whether it may serve a reader who needs everything up to {@code position}, with data at most {@code maxLag} old. */
	boolean serves(long position, Duration maxLag, Instant now) {
		State current = this.state;
		return current.up() && current.replayed() >= position && current.freshAsOf() != null
				&& !current.freshAsOf().plus(maxLag).isBefore(now);
	}

	Mono<Connection> create() {
		return Mono.from(this.connections.create());
	}

	/** A connection could not be had: off until the next check finds it answering. */
	void markDown(Throwable ex) {
		State current = this.state;
		this.state = new State(false, current.replayed(), current.freshAsOf(), Instant.now(), String.valueOf(ex));
	}

	void close() {
		this.probe.close();
		this.pool.dispose();
	}

	/**
	 * @param replayed the replay position (WAL bytes), -1 when unknown
	 * @param freshAsOf the standby has every commit the primary had at this moment
	 * @param problem why it is down, or null
	 */
	record State(boolean up, long replayed, Instant freshAsOf, Instant checkedAt, String problem) {

		static State unknown() {
			return new State(false, -1, null, null, "not checked yet");
		}

	}

}
