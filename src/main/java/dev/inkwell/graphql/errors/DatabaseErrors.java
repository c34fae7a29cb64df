package dev.inkwell.graphql.errors;

import dev.inkwell.database.DatabaseFailure;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * What a client is told when the database is the problem, not the request: a message a person can
 * act on (mostly: try again shortly), never the driver's text. Used by {@link ExceptionClassifier}
 * for data fetchers and by interceptors that read the database before execution.
 */
public final class DatabaseErrors {

	/** What a client is told when PostgreSQL does not answer or dropped the connection. */
	public static final String UNAVAILABLE = "The database is unavailable; try again shortly";

	private static final Log logger = LogFactory.getLog(DatabaseErrors.class);

	private DatabaseErrors() {
	}

	/** The client's error for {@code ex}, or null when {@code ex} is not database trouble. */
	public static ApiException classify(Throwable ex, Object where) {
		DatabaseFailure failure = DatabaseFailure.of(ex);
		if (failure == null) {
			return null;
		}
		// One line, no stack trace: during an outage every request lands here.
		logger.warn("Database " + failure.name().toLowerCase().replace('_', ' ') + " in " + where + ": " + ex);
		return switch (failure) {
			case UNAVAILABLE -> internal(UNAVAILABLE);
			case BUSY -> internal("The database is busy; try again shortly");
			case TIMED_OUT -> internal("The database took too long to answer and the query was cancelled; "
					+ "try again, or ask for less (a smaller first, fewer nested fields)");
		};
	}

	private static ApiException internal(String message) {
		return new ApiException(ErrorKind.INTERNAL_ERROR, message, null, java.util.Map.of());
	}

}
