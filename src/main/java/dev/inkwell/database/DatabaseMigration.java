package dev.inkwell.database;

import java.net.SocketException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.inkwell.startup.StartupProblem;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Brings the database to the current schema: creates it if it does not exist, adopts (or refuses)
 * one Flyway did not make ({@link DatabaseAdoption}), then runs the Flyway migrations, both in this
 * instance's {@link StartupTurn} (instances starting together take turns). Tried once during start-up. If PostgreSQL does not answer, Inkwell starts
 * anyway and keeps trying in the background (readiness stays DOWN until it succeeds), so it
 * serves as soon as the database appears, without a restart. A problem that waiting cannot fix
 * (credentials rejected, a database that may not be created, a failing migration) stops start-up
 * with a report; if it only shows once PostgreSQL appears, it is logged and retried, since an
 * operator may fix it on the database side.
 */
public class DatabaseMigration implements InitializingBean, DisposableBean {

	private static final Log logger = LogFactory.getLog(DatabaseMigration.class);

	private static final Duration FIRST_RETRY = Duration.ofMillis(500);

	private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);

	private static final String INVALID_CATALOG_NAME = "3D000";

	private static final String DUPLICATE_DATABASE = "42P04";

	private static final String HOW_TO_CONFIGURE = "Set DATABASE_URL=postgresql://USER:PASSWORD@HOST:5432/inkwell "
			+ "(or DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD) to point Inkwell at a PostgreSQL server.";

	private final DatabaseTarget target;

	private final DataSource database;

	private final DataSource maintenanceDatabase;

	private final Flyway flyway;

	private final DatabaseAdoption adoption;

	private final StartupTurn turn;

	private final Sinks.Empty<Void> ready = Sinks.empty();

	private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "inkwell-database-migration");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean migrated;

	private volatile String problem = "not migrated yet";

	/**
	 * @param database the target database, for Flyway
	 * @param maintenanceDatabase the server's {@code postgres} database, to create the target in
	 * @param adopt whether a FastAPI tutorial database found there is adopted (otherwise refused)
	 */
	DatabaseMigration(DatabaseTarget target, DataSource database, DataSource maintenanceDatabase, Flyway flyway,
			boolean adopt) {
		this.target = target;
		this.database = database;
		this.maintenanceDatabase = maintenanceDatabase;
		this.flyway = flyway;
		// Built here, so that it looks at the very database and history table this migration runs on.
		this.adoption = new DatabaseAdoption(target, database, flyway, adopt);
		this.turn = new StartupTurn(database, target.database());
	}

	/** Whether the database exists and is migrated, i.e. Inkwell can serve. */
	public boolean isReady() {
		return this.migrated;
	}

	/** Completes once the database is migrated (at once if it already is). */
	public Mono<Void> ready() {
		return this.ready.asMono();
	}

	/** Why the database is not ready yet, for the readiness report; null once it is. */
	public String problem() {
		return this.migrated ? null : this.problem;
	}

	@Override
	public void afterPropertiesSet() {
		try {
			migrate();
		}
		catch (Exception ex) {
			if (!waitingMayHelp(ex)) {
				throw problemWith(ex);
			}
			this.problem = "waiting for PostgreSQL: " + rootMessage(ex);
			logger.warn("PostgreSQL does not answer (" + this.target.describe() + ": " + rootMessage(ex)
					+ "). Inkwell starts anyway: readiness stays DOWN and requests that need the database get "
					+ "'database unavailable' until it answers; then Inkwell migrates it and serves.");
			schedule(FIRST_RETRY);
		}
	}

	@Override
	public void destroy() {
		this.retries.shutdownNow();
	}

	private void retry(Duration delay) {
		try {
			migrate();
			logger.info("PostgreSQL answers and " + this.target.describe() + " is migrated: Inkwell is ready");
		}
		catch (Exception ex) {
			String now;
			if (waitingMayHelp(ex)) {
				now = "waiting for PostgreSQL: " + rootMessage(ex);
				if (!now.equals(this.problem)) {
					logger.info("Still waiting for PostgreSQL (" + this.target.describe() + "): " + rootMessage(ex));
				}
			}
			else {
				StartupProblem problem = problemWith(ex);
				now = problem.getMessage() + " " + problem.action();
				if (!now.equals(this.problem)) {
					logger.error("Cannot bring the database up to date; retrying every " + LONGEST_RETRY.toSeconds()
							+ "s until this is fixed: " + now, ex);
				}
			}
			this.problem = now;
			Duration doubled = delay.multipliedBy(2);
			schedule((doubled.compareTo(LONGEST_RETRY) < 0) ? doubled : LONGEST_RETRY);
		}
	}

	private void schedule(Duration delay) {
		if (!this.retries.isShutdown()) {
			this.retries.schedule(() -> retry(delay), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void migrate() throws SQLException {
		ensureDatabaseExists();
		this.turn.run(() -> {
			this.adoption.prepare();
			this.flyway.migrate();
		});
		this.migrated = true;
		this.ready.tryEmitEmpty();
	}

	private void ensureDatabaseExists() throws SQLException {
		try (Connection ignored = this.database.getConnection()) {
			return;
		}
		catch (SQLException ex) {
			if (!INVALID_CATALOG_NAME.equals(ex.getSQLState())) {
				throw ex;
			}
		}
		try (Connection connection = this.maintenanceDatabase.getConnection();
				PreparedStatement exists = connection
					.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			exists.setString(1, this.target.database());
			try (ResultSet rows = exists.executeQuery()) {
				if (rows.next()) {
					return;
				}
			}
			try (Statement create = connection.createStatement()) {
				// The name was checked against [A-Za-z0-9_] when the target was built.
				create.execute("CREATE DATABASE \"" + this.target.database() + "\"");
				logger.info("Created database '" + this.target.database() + "'");
			}
		}
		catch (SQLException ex) {
			if (waitingMayHelp(ex)) {
				throw ex;
			}
			if (!DUPLICATE_DATABASE.equals(ex.getSQLState())) {
				throw new StartupProblem("Database '" + this.target.database() + "' does not exist on "
						+ this.target.host() + ":" + this.target.port() + " and could not be created: " + ex.getMessage(),
						"Create it (CREATE DATABASE " + this.target.database() + ") or give user '"
								+ this.target.username() + "' the CREATEDB privilege. " + HOW_TO_CONFIGURE);
			}
		}
	}

	/**
	 * Whether the failure means PostgreSQL is not there (yet): down, starting, shutting down, out
	 * of connections, or not reachable. Everything else (authentication, permissions, migration
	 * errors) needs a person.
	 */
	static boolean waitingMayHelp(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				String state = sql.getSQLState();
				if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) {
					return true;
				}
				if (!state.isEmpty()) {
					return false;
				}
			}
			if (cause instanceof SocketException) {
				return true;
			}
		}
		return false;
	}

	private StartupProblem problemWith(Exception ex) {
		if (ex instanceof StartupProblem problem) {
			return problem;
		}
		return new StartupProblem("Cannot connect to and migrate " + this.target.describe() + ": " + rootMessage(ex),
				"Check that the address and credentials are right and that the migrations apply. " + HOW_TO_CONFIGURE,
				ex);
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return String.valueOf((root.getMessage() != null) ? root.getMessage() : ex.getMessage());
	}

}
