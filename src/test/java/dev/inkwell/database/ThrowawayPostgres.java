package dev.inkwell.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of its own for tests that stop and start the database: created with the
 * installed server binaries in a temporary directory, listening on a free port on 127.0.0.1, with
 * trust authentication, and deleted on {@link #close()}. PostgreSQL refuses to run as root, so as
 * root the binaries run as the {@code postgres} user (which owns the directory).
 */
public final class ThrowawayPostgres implements AutoCloseable {

	private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");

	private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

	private final Path bin;

	private final Path directory;

	private final int port;

	private boolean running;

	private ThrowawayPostgres(Path bin, Path directory, int port) {
		this.bin = bin;
		this.directory = directory;
		this.port = port;
	}

	/** Creates the cluster (not started). */
	public static ThrowawayPostgres create() {
		Path bin = newestBin();
		try {
			Path directory = Files.createTempDirectory("inkwell-pg-");
			ThrowawayPostgres cluster = new ThrowawayPostgres(bin, directory, freePort());
			if (ROOT) {
				cluster.run(List.of("chown", "-R", "postgres:postgres", directory.toString()), false);
			}
			cluster.run(List.of(bin.resolve("initdb").toString(), "-D", cluster.data(), "-U", "postgres",
					"--auth=trust", "-E", "UTF8", "--no-sync"), true);
			return cluster;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A streaming standby of {@code primary} (which must be running), not started: a base backup
	 * taken with {@code pg_basebackup -R}, so it follows the primary once started.
	 */
	static ThrowawayPostgres standbyOf(ThrowawayPostgres primary) {
		try {
			Path directory = Files.createTempDirectory("inkwell-pg-standby-");
			ThrowawayPostgres standby = new ThrowawayPostgres(primary.bin, directory, freePort());
			if (ROOT) {
				standby.run(List.of("chown", "-R", "postgres:postgres", directory.toString()), false);
			}
			standby.run(List.of(primary.bin.resolve("pg_basebackup").toString(), "-D", standby.data(), "-h",
					"127.0.0.1", "-p", String.valueOf(primary.port), "-U", "postgres", "-R", "-X", "stream",
					"--no-sync"), true);
			return standby;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.port;
	}

	/** Runs one statement on a database of this cluster (e.g. pg_wal_replay_pause() on a standby). */
	void execute(String database, String sql) {
		try (Connection connection = connect(database); java.sql.Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	public void start() {
		run(List.of(this.bin.resolve("pg_ctl").toString(), "-D", data(), "-l", this.directory.resolve("log").toString(),
				"-w", "-t", "30", "-o", "-p " + this.port + " -k " + this.directory + " -c listen_addresses=127.0.0.1"
						+ " -c fsync=off -c max_prepared_transactions=2",
				"start"), true);
		this.running = true;
	}

	/** Fast shutdown: PostgreSQL terminates every session, as on a real restart. */
	public void stop() {
		run(List.of(this.bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "fast", "-w", "-t", "30", "stop"), true);
		this.running = false;
	}

	public boolean isRunning() {
		return this.running;
	}

	/** A JDBC connection to a database of this cluster, as the superuser. */
	public Connection connect(String database) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + this.port + "/" + database, "postgres", "");
	}

	@Override
	public void close() {
		if (this.running) {
			run(List.of(this.bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "immediate", "-w", "stop"), true);
			this.running = false;
		}
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// A leftover temporary directory is not worth failing a test for.
		}
	}

	private String data() {
		return this.directory.resolve("data").toString();
	}

	private void run(List<String> command, boolean asPostgres) {
		List<String> full = new ArrayList<>();
		if (asPostgres && ROOT) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(command);
		try {
			Process process = new ProcessBuilder(full).directory(this.directory.toFile())
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("'" + String.join(" ", full) + "' failed:\n" + output + logTail());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.directory.resolve("log"));
			return "\nserver log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static Path newestBin() {
		try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
			return versions.filter((version) -> Files.isExecutable(version.resolve("bin/initdb")))
				.max(Comparator.comparingDouble(ThrowawayPostgres::versionNumber))
				.map((version) -> version.resolve("bin"))
				.orElseThrow(ThrowawayPostgres::missing);
		}
		catch (IOException ex) {
			throw missing();
		}
	}

	private static double versionNumber(Path version) {
		try {
			return Double.parseDouble(version.getFileName().toString());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static IllegalStateException missing() {
		return new IllegalStateException("These tests start a throw-away PostgreSQL and need its server binaries "
				+ "(initdb, pg_ctl) under " + INSTALLATIONS + "/<version>/bin; install them, e.g. apt-get install "
				+ "postgresql (.ci/run does).");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
