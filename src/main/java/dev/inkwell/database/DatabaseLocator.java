package dev.inkwell.database;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.inkwell.startup.StartupProblem;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Finds the PostgreSQL server to use, in this order: the one the operator configured; one
 * answering on localhost:5432; an embedded PostgreSQL whose data lives under {@code ./data/}.
 * It does not connect: {@link DatabaseMigration} creates and migrates the database, waiting for
 * the server if need be.
 */
class DatabaseLocator {

	private static final Log logger = LogFactory.getLog(DatabaseLocator.class);

	private static final int PROBE_TIMEOUT_MILLIS = 1000;

	private static final String HOW_TO_CONFIGURE = "Set DATABASE_URL=postgresql://USER:PASSWORD@HOST:5432/inkwell "
			+ "(or DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD) to point Inkwell at a PostgreSQL server.";

	private final DatabaseProperties properties;

	DatabaseLocator(DatabaseProperties properties) {
		this.properties = properties;
	}

	DatabaseServer locate() {
		DatabaseTarget target = this.properties.target();
		// A configured server is used even when it does not answer yet: DatabaseMigration waits for it.
		if (this.properties.configured() || answers(target.host(), target.port())) {
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
			return new DatabaseServer(target, embedded);
		}
		catch (IOException | RuntimeException ex) {
			throw new StartupProblem("Could not start the embedded PostgreSQL in " + directory + ": "
					+ ex.getMessage(), HOW_TO_CONFIGURE, ex);
		}
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
