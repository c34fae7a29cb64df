package dev.inkwell.database;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The R2DBC options of every serving connection, to the primary and to each read replica alike,
 * so that a replica behaves exactly like the primary for the statements it runs.
 *
 * <p>Behind a transaction-mode pooler (DB_POOLER=pgbouncer) a client connection is lent a server
 * connection only for one transaction, so nothing may live in the session: statements are sent
 * unnamed (no prepared-statement cache: PgBouncer 1.18 does not carry named statements across
 * transactions), and the statement timeout is not sent as a start-up parameter (PgBouncer refuses
 * unknown ones); the pooler's {@code connect_query} or the role's settings carry it instead.
 */
@Component
public class DatabaseConnectionOptions {

	private final DatabaseTimeouts timeouts;

	private final boolean behindTransactionPooler;

	DatabaseConnectionOptions(DatabaseTimeouts timeouts, @Value("${inkwell.database.pooler:none}") String pooler) {
		this.timeouts = timeouts;
		this.behindTransactionPooler = DatabasePooler.parse(pooler) == DatabasePooler.PGBOUNCER;
	}

	public boolean behindTransactionPooler() {
		return this.behindTransactionPooler;
	}

	public ConnectionFactoryOptions of(DatabaseTarget target) {
		ConnectionFactoryOptions.Builder options = ConnectionFactoryOptions.builder()
			.from(target.r2dbcOptions())
			.option(ConnectionFactoryOptions.CONNECT_TIMEOUT, this.timeouts.connect())
			// Notices a peer that vanished without closing the connection (host crash, network cut).
			.option(Option.valueOf("tcpKeepAlive"), true)
			// Results in binary: timestamps decode from 8 bytes instead of being parsed from text,
			// which was the largest single cost of reading rows.
			.option(Option.valueOf("forceBinary"), true);
		if (this.behindTransactionPooler) {
			// 0: every statement is parsed as the unnamed statement, in the same transaction it runs in.
			options.option(Option.valueOf("preparedStatementCacheQueries"), 0);
		}
		else {
			// Sent to PostgreSQL as statement_timeout: the server cancels a slow statement itself.
			options.option(ConnectionFactoryOptions.STATEMENT_TIMEOUT, this.timeouts.statement());
		}
		return options.build();
	}

}
