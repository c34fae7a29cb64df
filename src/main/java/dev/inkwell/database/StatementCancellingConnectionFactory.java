package dev.inkwell.database;

import io.r2dbc.spi.Closeable;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Wrapped;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Hands out {@link StatementCancellingConnection}s: when a request is cancelled (its client went
 * away, or it ran past REQUEST_TIMEOUT), PostgreSQL stops the statement it was waiting for
 * instead of running it to the end, and the connection goes back to the pool free.
 */
final class StatementCancellingConnectionFactory implements ConnectionFactory, Wrapped<ConnectionFactory>,
		Closeable, Disposable {

	private final ConnectionFactory delegate;

	StatementCancellingConnectionFactory(ConnectionFactory delegate) {
		this.delegate = delegate;
	}

	@Override
	public Mono<Connection> create() {
		return Mono.from(this.delegate.create()).map(StatementCancellingConnection::new);
	}

	@Override
	public ConnectionFactoryMetadata getMetadata() {
		return this.delegate.getMetadata();
	}

	@Override
	public ConnectionFactory unwrap() {
		return this.delegate;
	}

	@Override
	public Mono<Void> close() {
		return (this.delegate instanceof Closeable closeable) ? Mono.from(closeable.close()) : Mono.empty();
	}

	@Override
	public void dispose() {
		if (this.delegate instanceof Disposable disposable) {
			disposable.dispose();
		}
	}

	@Override
	public boolean isDisposed() {
		return (this.delegate instanceof Disposable disposable) && disposable.isDisposed();
	}

	@Override
	public String toString() {
		return this.delegate.toString();
	}

}
