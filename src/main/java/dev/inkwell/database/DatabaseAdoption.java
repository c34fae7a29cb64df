package dev.inkwell.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import dev.inkwell.startup.StartupProblem;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;

/**
 * Runs before Flyway and decides what to do with what the database already holds. Empty, or
 * Inkwell's (Flyway's history table is there): nothing, Flyway takes over. The FastAPI tutorial's
 * tables without Flyway history: adopted, i.e. brought to Inkwell's schema as V1 leaves it by
 * {@value FastApiTutorialSchema#ADOPTION_SCRIPT} in one transaction, then recorded as a Flyway
 * baseline at version 1, so that Flyway runs V2 and every later migration as on any Inkwell
 * database. Anything else: refused, with one paragraph saying what was found, and nothing changed.
 * It runs in the instance's {@link StartupTurn}, as Flyway does after it, so that only one of the
 * instances starting together adopts, and none finds the adopted tables before their baseline.
 */
class DatabaseAdoption {

	private static final Log logger = LogFactory.getLog(DatabaseAdoption.class);

	/** The baseline's version: the adopted database is where V1__blog_schema.sql leaves a new one. */
	static final String BASELINE_VERSION = "1";

	static final String BASELINE_DESCRIPTION = "FastAPI tutorial schema adopted by " + FastApiTutorialSchema.ADOPTION_SCRIPT;

	private final DatabaseTarget target;

	private final DataSource database;

	private final Flyway flyway;

	private final boolean enabled;

	DatabaseAdoption(DatabaseTarget target, DataSource database, Flyway flyway, boolean enabled) {
		this.target = target;
		this.database = database;
		this.flyway = flyway;
		this.enabled = enabled;
	}

	/**
	 * Adopts the tutorial's database, refuses one Inkwell does not know, or leaves the rest to Flyway.
	 * To be run in the instance's {@link StartupTurn}.
	 */
	void prepare() throws SQLException {
		try (Connection connection = this.database.getConnection()) {
			ExistingSchema found = ExistingSchema.read(connection);
			if (found.isEmpty() || found.hasTable(this.flyway.getConfiguration().getTable())) {
				return;
			}
			List<String> differences = FastApiTutorialSchema.differences(found);
			if (!differences.isEmpty()) {
				throw unknown(found, differences);
			}
			if (!this.enabled) {
				throw adoptionOff();
			}
			List<String> rowsInTheWay = FastApiTutorialSchema.rowsInTheWay(connection);
			if (!rowsInTheWay.isEmpty()) {
				throw rowsInTheWay(rowsInTheWay);
			}
			long start = System.nanoTime();
			adopt(connection);
			baseline();
			logger.info("Adopted database '" + this.target.database() + "' in " + (System.nanoTime() - start) / 1_000_000
					+ " ms: every row and id kept, schema now Inkwell's V1 (Flyway baseline " + BASELINE_VERSION
					+ "); later migrations follow");
		}
	}

	private void adopt(Connection connection) throws SQLException {
		logger.info("Database '" + this.target.database() + "' holds the FastAPI tutorial's tables and no Flyway "
				+ "history: adopting it (" + FastApiTutorialSchema.ADOPTION_SCRIPT + ", one transaction)");
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute(adoptionScript());
			connection.commit();
		}
		catch (SQLException ex) {
			connection.rollback();
			if (DatabaseMigration.waitingMayHelp(ex)) {
				throw ex;
			}
			throw new StartupProblem("Adopting the FastAPI tutorial's database '" + this.target.database()
					+ "' failed and was rolled back, so nothing changed: " + ex.getMessage(),
					"Fix what the message names and start Inkwell again, or set INKWELL_ADOPT=false and adopt it by "
							+ "hand (README, 'Coming from the FastAPI tutorial app').",
					ex);
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

	/**
	 * Records the adopted schema as Flyway's baseline. Should Inkwell stop before this, the next start
	 * finds the adopted tables without history, runs the script again (it finds its work done) and
	 * records the baseline then.
	 */
	private void baseline() {
		Flyway.configure()
			.configuration(this.flyway.getConfiguration())
			.baselineVersion(BASELINE_VERSION)
			.baselineDescription(BASELINE_DESCRIPTION)
			.load()
			.baseline();
	}

	private static String adoptionScript() {
		try (InputStream script = DatabaseAdoption.class.getClassLoader()
			.getResourceAsStream(FastApiTutorialSchema.ADOPTION_SCRIPT)) {
			if (script == null) {
				throw new IllegalStateException(FastApiTutorialSchema.ADOPTION_SCRIPT + " is not on the classpath");
			}
			return new String(script.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String where() {
		return "Database '" + this.target.database() + "' on " + this.target.host() + ":" + this.target.port();
	}

	private StartupProblem unknown(ExistingSchema found, List<String> differences) {
		String what = FastApiTutorialSchema.hasItsTables(found)
				? "It has the FastAPI tutorial's tables, but not as the tutorial's models make them: "
						+ ExistingSchema.shortList(differences, "; ", 8) + "."
				: "It holds " + found.describe() + ".";
		return new StartupProblem(where() + " is neither empty, nor Inkwell's (it has no Flyway history table), nor "
				+ "the FastAPI tutorial app's. " + what + " Inkwell changed nothing and does not start on it.",
				"Point Inkwell at an empty or new database (DB_NAME; Inkwell creates it if it is missing), at an "
						+ "Inkwell database, or at a FastAPI tutorial database as its models made it.");
	}

	private StartupProblem adoptionOff() {
		return new StartupProblem(where() + " holds the FastAPI tutorial app's tables ("
				+ String.join(", ", FastApiTutorialSchema.tableNames())
				+ ") and no Flyway history, and adoption is off (INKWELL_ADOPT=false): Inkwell changed nothing.",
				"Set INKWELL_ADOPT=true (the default) and Inkwell adopts it at start-up, keeping every row and id. Or "
						+ "adopt it by hand: run " + FastApiTutorialSchema.ADOPTION_SCRIPT
						+ " (under src/main/resources, and in Inkwell's jar) in one transaction, e.g. psql -1 -v "
						+ "ON_ERROR_STOP=1 -f fastapi-tutorial.sql, then record the baseline with Flyway: flyway "
						+ "-url=jdbc:postgresql://" + this.target.host() + ":" + this.target.port() + "/"
						+ this.target.database() + " baseline -baselineVersion=" + BASELINE_VERSION
						+ ", and start Inkwell: it runs the later migrations.");
	}

	private StartupProblem rowsInTheWay(List<String> rows) {
		return new StartupProblem(where() + " holds the FastAPI tutorial app's tables, but Inkwell cannot adopt it as "
				+ "it is: Inkwell's usernames, emails and tag names are unique regardless of case, and these rows "
				+ "differ only in case: " + String.join("; ", rows) + ". Inkwell changed nothing.",
				"Change or merge these rows (e.g. UPDATE users SET email = '...' WHERE id = ...) and start Inkwell again.");
	}

}
