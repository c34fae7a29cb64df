package dev.inkwell.database;

import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * The kinds of database trouble that are not the request's fault and usually pass: recognised
 * anywhere in an exception's cause chain, whatever layer wrapped it (Spring, R2DBC, the pool).
 */
public enum DatabaseFailure {

	/** PostgreSQL does not answer, refuses connections, or dropped the connection (restart). */
	UNAVAILABLE,

	/** Every pooled connection stayed in use for the whole acquire timeout. */
	BUSY,

	/** A statement ran into the statement timeout (or a lock timeout) and PostgreSQL cancelled it. */
	TIMED_OUT;

	private static final String QUERY_CANCELED = "57014";

	private static final String LOCK_NOT_AVAILABLE = "55P03";

	/** The failure behind {@code ex}, or null when it is something else (a bug, bad input, a conflict). */
	public static DatabaseFailure of(Throwable ex) {
		// PostgreSQL's error code, wherever it sits in the chain, says the most; otherwise the
		// innermost recognised type (the pool's timeout inside Spring's "failed to obtain").
		DatabaseFailure byType = null;
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			String state = (cause instanceof R2dbcException r2dbc) ? r2dbc.getSqlState()
					: (cause instanceof SQLException sql) ? sql.getSQLState() : null;
			if (state != null && !state.isEmpty()) {
				return ofSqlState(state);
			}
			DatabaseFailure failure = byType(cause);
			byType = (failure != null) ? failure : byType;
		}
		return byType;
	}

	private static DatabaseFailure byType(Throwable ex) {
		// Without an SQL state, a timeout comes from the pool: no connection became free in time.
		if (ex instanceof R2dbcTimeoutException) {
			return BUSY;
		}
		if (ex instanceof R2dbcNonTransientResourceException || ex instanceof R2dbcTransientResourceException
				|| ex instanceof DataAccessResourceFailureException
				|| ex instanceof TransientDataAccessResourceException || ex instanceof SocketException
				|| ex instanceof ClosedChannelException) {
			return UNAVAILABLE;
		}
		return null;
	}

	/** Per PostgreSQL's error codes: connection problems, shutdown, start-up, resources, authentication. */
	static DatabaseFailure ofSqlState(String state) {
		if (QUERY_CANCELED.equals(state) || LOCK_NOT_AVAILABLE.equals(state)) {
			return TIMED_OUT;
		}
		if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53") || state.startsWith("28")) {
			return UNAVAILABLE;
		}
		return null;
	}

}
