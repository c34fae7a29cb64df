package dev.inkwell.database;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.inkwell.startup.StartupProblem;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Finds the PostgreSQL server to use, in this order: the one the operator configured; one
 * answering on localhost:5432; an embedded PostgreSQL whose data lives under {@code ./data/}.
 * Creates the database on that server if it does not exist yet.
 */
class DatabaseLocator {

	private static final Log logger = LogFactory.getLog(DatabaseLocator.class);

	private static final int PROBE_TIMEOUT_MILLIS = 1000;

	private static final String INVALID_CATALOG_NAME = "3D000";

	private static final String DUPLICATE_DATABASE = "42P04";

	private static final String HOW_TO_CONFIGURE = "Set DATABASE_URL=postgresql://USER:PASSWORD@HOST:5432/inkwell "
			+ "(or DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD) to point Inkwell at a PostgreSQL server.";

	private final DatabaseProperties properties;

	DatabaseLocator(DatabaseProperties properties) {
		this.properties = properties;
	}

	DatabaseServer locate() {
		DatabaseTarget target = this.properties.target();
		if (this.properties.configured()) {
			ensureDatabaseExists(target, "the configured PostgreSQL server");
			return new DatabaseServer(target, null);
		}
		if (answers(target.host(), target.port())) {
			ensureDatabaseExists(target, "the PostgreSQL server on " + target.host() + ":" + target.port());
			return new DatabaseServer(target, null);
		}
		return startEmbedded(target);
	}

	private DatabaseServer startEmbedded(DatabaseTarget probed) {
		String database = probed.database();
		if ("root".equals(System.getProperty("user.name"))) {
			throw new StartupProblem("No PostgreSQL server is configured and none answers on " + probed.host() + ":"
					+ probed.port() + ", so Inkwell would start an embedded PostgreSQL under ./data/. PostgreSQL refuses to run "
					+ "as root, and this process runs as root.",
					HOW_TO_CONFIGURE + " Or start PostgreSQL on 127.0.0.1:5432 (user postgres, password postgres), "
							+ "or run Inkwell as an ordinary user to use the embedded database.");
		}
		Path directory = this.properties.embeddedDirectory().toAbsolutePath();
		logger.info("No PostgreSQL server configured or answering on localhost; starting an embedded one in "
				+ directory);
		try {
			Files.createDirectories(directory);
			EmbeddedPostgres embedded = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				.start();
			DatabaseTarget target = new DatabaseTarget("localhost", embedded.getPort(), database,
					DatabaseProperties.DEFAULT_USER, DatabaseProperties.DEFAULT_PASSWORD, java.util.Map.of());
			ensureDatabaseExists(target, "the embedded PostgreSQL");
			return new DatabaseServer(target, embedded);
		}
		catch (IOException | RuntimeException ex) {
			throw new StartupProblem("Could not start the embedded PostgreSQL in " + directory + ": "
					+ ex.getMessage(), HOW_TO_CONFIGURE, ex);
		}
	}

	private void ensureDatabaseExists(DatabaseTarget target, String where) {
		try (Connection ignored = connect(target)) {
			return;
		}
		catch (SQLException ex) {
			if (!INVALID_CATALOG_NAME.equals(ex.getSQLState())) {
				throw unreachable(target, where, ex);
			}
		}
		try (Connection connection = connect(target.withDatabase("postgres"));
				PreparedStatement exists = connection
					.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			exists.setString(1, target.database());
			try (ResultSet rows = exists.executeQuery()) {
				if (rows.next()) {
					return;
				}
			}
			try (Statement create = connection.createStatement()) {
				// The name was checked against [A-Za-z0-9_] when the target was built.
				create.execute("CREATE DATABASE \"" + target.database() + "\"");
				logger.info("Created database '" + target.database() + "'");
			}
		}
		catch (SQLException ex) {
			if (!DUPLICATE_DATABASE.equals(ex.getSQLState())) {
				throw new StartupProblem("Database '" + target.database() + "' does not exist on " + where
						+ " and could not be created: " + ex.getMessage(),
						"Create it (CREATE DATABASE " + target.database() + ") or give user '" + target.username()
								+ "' the CREATEDB privilege. " + HOW_TO_CONFIGURE);
			}
		}
	}

	private static StartupProblem unreachable(DatabaseTarget target, String where, SQLException ex) {
		return new StartupProblem("Cannot connect to " + where + " (" + target.describe() + "): " + ex.getMessage(),
				"Check that PostgreSQL is running and that the address and credentials are right. "
						+ HOW_TO_CONFIGURE);
	}

	private static Connection connect(DatabaseTarget target) throws SQLException {
		return DriverManager.getConnection(target.jdbcUrl(), target.username(), target.password());
	}

	private static boolean answers(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), PROBE_TIMEOUT_MILLIS);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
