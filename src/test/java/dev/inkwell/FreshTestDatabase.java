package dev.inkwell;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import dev.inkwell.database.DatabaseTarget;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Drops the integration tests' database when a test run starts, so that every run migrates a new
 * one: a schema left by another branch's migrations, or damaged by a test whose JVM died, never
 * fails the next run. {@link IntegrationTest} creates and migrates it again on its first start.
 */
public class FreshTestDatabase implements LauncherSessionListener {

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		String name = System.getenv().getOrDefault("INKWELL_TEST_DB", "inkwell_test");
		String url = System.getenv("DATABASE_URL");
		DatabaseTarget server = (url != null && !url.isBlank()) ? DatabaseTarget.parse(url).withDatabase("postgres")
				: DatabaseTarget.parse("postgresql://postgres:postgres@127.0.0.1:5432/postgres");
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
		}
		catch (SQLException ex) {
			// No server yet (the fault tests start without one) or no right to drop: the tests
			// then use the database as they find it, as before.
			System.err.println("FreshTestDatabase: could not drop " + name + ": " + ex.getMessage());
		}
	}

}
