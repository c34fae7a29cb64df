package dev.inkwell.database;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;

/**
 * Hands out {@link StatementCancellingConnection}s: when a request is cancelled (its client went
 * away, or it ran past REQUEST_TIMEOUT), PostgreSQL stops the statement it was waiting for
 * instead of running it to the end, and the connection goes back to the pool free. The
 * {@link StatementObserver} hears of every statement on the way.
 */
final class StatementCancellingConnectionFactory extends DelegatingConnectionFactory {

	private final StatementObserver observer;

	StatementCancellingConnectionFactory(ConnectionFactory delegate, StatementObserver observer) {
		super(delegate);
		this.observer = observer;
	}

	@Override
	public Mono<Connection> create() {
		return Mono.<Connection>from(unwrap().create()).map((connection) -> new StatementCancellingConnection(connection, this.observer));
	}

}
