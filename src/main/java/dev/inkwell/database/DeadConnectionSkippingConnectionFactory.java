package dev.inkwell.database;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcTimeoutException;
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
final class DeadConnectionSkippingConnectionFactory extends DelegatingConnectionFactory {

	private final int retries;

	/** @param retries as many as the pool may hold dead connections, i.e. its maximum size */
	DeadConnectionSkippingConnectionFactory(ConnectionPool pool, int retries) {
		super(pool);
		this.retries = retries;
	}

	@Override
	public Mono<Connection> create() {
		return Mono.<Connection>from(unwrap().create())
			.retryWhen(Retry.max(this.retries)
				.filter((ex) -> !(ex instanceof R2dbcTimeoutException))
				.onRetryExhaustedThrow((spec, signal) -> signal.failure()));
	}

}
