package dev.inkwell.database;

import java.time.Duration;
import java.util.function.Function;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Row;
import reactor.core.publisher.Mono;

/**
 * One connection of its own to one server, for the replica monitor: outside the serving pools, so a
 * busy pool never delays a check (and a check never takes a connection from a request). Reopened
 * after any failure.
 */
final class ProbeConnection implements AutoCloseable {

	private final ConnectionFactory factory;

	private Mono<Connection> connection;

	ProbeConnection(ConnectionFactoryOptions options) {
		this.factory = ConnectionFactories.get(options);
	}

	/** The first row of {@code sql}, mapped, within {@code timeout}. */
	<T> Mono<T> query(String sql, Function<Row, T> mapper, Duration timeout) {
		return connection().flatMap((open) -> Mono.from(open.createStatement(sql).execute()))
			.flatMap((result) -> Mono.from(result.map((row, metadata) -> mapper.apply(row))))
			.timeout(timeout)
			.doOnError((ex) -> reset());
	}

	private synchronized Mono<Connection> connection() {
		if (this.connection == null) {
			this.connection = Mono.<Connection>from(this.factory.create()).cache();
		}
		return this.connection;
	}

	private synchronized void reset() {
		Mono<Connection> old = this.connection;
		this.connection = null;
		if (old != null) {
			old.flatMap((open) -> Mono.from(open.close())).onErrorResume((ex) -> Mono.empty()).subscribe();
		}
	}

	@Override
	public void close() {
		reset();
	}

}
