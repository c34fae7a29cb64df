package dev.inkwell.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Makes Inkwell instances starting on one database take turns at bringing it up to date (deciding
 * about adoption, adopting, Flyway's baseline and migrations), so that only one of them adopts and
 * only one at a time runs Flyway.
 *
 * <p>The turn is a transaction-scoped advisory lock ({@code pg_try_advisory_xact_lock}), held by a
 * transaction that stays open, on a connection of its own, for as long as the turn lasts, and that
 * holds nothing else (no table lock, no row): it ends with the turn, or with the connection should the
 * instance die. Nothing outlives it, so a transaction-mode pooler (PgBouncer), which lends the server
 * connection to other clients once the transaction ends, gets it back clean. A session-level lock
 * ({@code pg_advisory_lock}), as Inkwell used to take, stays behind on that pooled server connection,
 * held by nobody: the next start that meets it from another server connection waits for it until a
 * statement timeout cancels the wait, and does not start.
 *
 * <p>An instance whose turn it is not waits without holding a transaction (each try's ends at once;
 * it tries again after 0.1 s, then up to every second), so waiting pins no pooled server connection
 * and runs into no statement timeout: the instance in its turn uses three server connections at once
 * (the turn's, Flyway's lock's and Flyway's migration's), however many instances wait.
 */
final class StartupTurn {

	private static final Log logger = LogFactory.getLog(StartupTurn.class);

	/** Any fixed number, taken only by Inkwell instances bringing the same database up to date. */
	static final long LOCK = 0x1a4b3e11_0a5e5c4eL;

	private static final long FIRST_PAUSE_MILLIS = 100;

	private static final long LONGEST_PAUSE_MILLIS = 1000;

	private final DataSource database;

	private final String name;

	/**
	 * @param database where the turn's connection comes from
	 * @param name the database's name, for the log
	 */
	StartupTurn(DataSource database, String name) {
		this.database = database;
		this.name = name;
	}

	/** Runs {@code work} in this instance's turn, waiting for it first. */
	void run(Work work) throws SQLException {
		try (Connection turn = this.database.getConnection()) {
			turn.setAutoCommit(false);
			try {
				await(turn);
				work.run();
			}
			finally {
				end(turn);
			}
		}
	}

	private void await(Connection turn) throws SQLException {
		long pause = FIRST_PAUSE_MILLIS;
		boolean told = false;
		while (!tryLock(turn)) {
			turn.rollback();
			if (!told) {
				logger.info("Another Inkwell instance is bringing database '" + this.name
						+ "' up to date; waiting for it to finish");
				told = true;
			}
			try {
				Thread.sleep(pause);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for another Inkwell instance to bring "
						+ "database '" + this.name + "' up to date", ex);
			}
			pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
		}
		try (Statement statement = turn.createStatement()) {
			// The turn's transaction sits idle while the work runs: a server setting must not end it early.
			statement.execute("SET LOCAL idle_in_transaction_session_timeout = 0");
		}
	}

	private static boolean tryLock(Connection turn) throws SQLException {
		try (PreparedStatement lock = turn.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
			lock.setLong(1, LOCK);
			try (ResultSet row = lock.executeQuery()) {
				return row.next() && row.getBoolean(1);
			}
		}
	}

	/** Ends the turn's transaction, and with it the turn; it wrote nothing. */
	private static void end(Connection turn) {
		try {
			turn.rollback();
		}
		catch (SQLException ex) {
			// The connection is gone, and the transaction with it; whatever failed before is what matters.
			logger.debug("Could not end the start-up turn's transaction: " + ex.getMessage());
		}
	}

	/** What an instance does in its turn. */
	@FunctionalInterface
	interface Work {

		void run() throws SQLException;

	}

}
