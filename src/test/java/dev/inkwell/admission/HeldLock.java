package dev.inkwell.admission;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.IntPredicate;

import dev.inkwell.database.DatabaseTarget;

import static org.assertj.core.api.Assertions.fail;

/**
 * Makes Inkwell's statements slow deterministically: a transaction of the test's own holds
 * {@code ACCESS EXCLUSIVE} on a table, so every statement that reads it waits, visibly, in
 * {@code pg_stat_activity} (wait_event_type {@code Lock}) until the lock is released. A second
 * connection watches; it runs outside any transaction because PostgreSQL keeps one snapshot of
 * the activity view per transaction.
 */
final class HeldLock implements AutoCloseable {

	private final Connection holder;

	private final Connection watcher;

	HeldLock(DatabaseTarget target, String table) throws SQLException {
		this.holder = DriverManager.getConnection(target.jdbcUrl(), target.username(), target.password());
		this.watcher = DriverManager.getConnection(target.jdbcUrl(), target.username(), target.password());
		this.holder.setAutoCommit(false);
		try (Statement statement = this.holder.createStatement()) {
			statement.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
		}
	}

	/** Statements of other sessions in this database now waiting for a lock. */
	int waiting() throws SQLException {
		try (Statement statement = this.watcher.createStatement();
				ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity "
						+ "WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' "
						+ "AND wait_event_type = 'Lock'")) {
			rows.next();
			return rows.getInt(1);
		}
	}

	/** Waits until the number of waiting statements satisfies the condition; returns how long it took. */
	Duration awaitWaiting(IntPredicate condition, Duration limit) throws SQLException, InterruptedException {
		long start = System.nanoTime();
		long deadline = start + limit.toNanos();
		int last;
		while (!condition.test(last = waiting())) {
			if (System.nanoTime() > deadline) {
				fail("waiting statements stayed at " + last + " for " + limit);
			}
			Thread.sleep(20);
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	void release() throws SQLException {
		if (!this.holder.isClosed()) {
			this.holder.rollback();
			this.holder.close();
		}
	}

	@Override
	public void close() throws SQLException {
		release();
		this.watcher.close();
	}

}
