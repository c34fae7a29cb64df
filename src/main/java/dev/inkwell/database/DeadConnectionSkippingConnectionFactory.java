package dev.inkwell.database;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Closeable;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.Wrapped;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The connection pool, except for how it retries. After a PostgreSQL restart every idle pooled
 * connection is dead; the pool notices on borrowing (validation) and drops it, and the borrower
 * should simply take the next one. The pool's own acquire-retry would do that, but it also retries
 * acquire timeouts, each with a fresh timeout, so a full pool would keep a request waiting a
 * multiple of DB_POOL_ACQUIRE_TIMEOUT. Here every failure but the timeout is retried, so a request
 * waits at most the acquire timeout for a free connection.
 */
final class DeadConnectionSkippingConnectionFactory implements ConnectionFactory, Wrapped<ConnectionPool>, Closeable,
		Disposable {

	private final ConnectionPool pool;

	private final int retries;

	/** @param retries as many as the pool may hold dead connections, i.e. its maximum size */
	DeadConnectionSkippingConnectionFactory(ConnectionPool pool, int retries) {
		this.pool = pool;
		this.retries = retries;
	}

	@Override
	public Mono<Connection> create() {
		return this.pool.create()
			.retryWhen(Retry.max(this.retries)
				.filter((ex) -> !(ex instanceof R2dbcTimeoutException))
				.onRetryExhaustedThrow((spec, signal) -> signal.failure()));
	}

	@Override
	public ConnectionFactoryMetadata getMetadata() {
		return this.pool.getMetadata();
	}

	@Override
	public ConnectionPool unwrap() {
		return this.pool;
	}

	@Override
	public Mono<Void> close() {
		return this.pool.close();
	}

	@Override
	public void dispose() {
		this.pool.dispose();
	}

	@Override
	public boolean isDisposed() {
		return this.pool.isDisposed();
	}

	@Override
	public String toString() {
		return this.pool.toString();
	}

}
