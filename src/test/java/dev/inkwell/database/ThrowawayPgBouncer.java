package dev.inkwell.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PgBouncer of its own for tests (Debian's {@code pgbouncer} binary), in transaction mode with a
 * tiny server pool, in front of a PostgreSQL on 127.0.0.1: on a free port, its files in a temporary
 * directory. It refuses to run as root, so as root it runs as the {@code postgres} user.
 */
final class ThrowawayPgBouncer implements AutoCloseable {

	private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

	private final Path directory;

	private final int port;

	private final Process process;

	private ThrowawayPgBouncer(Path directory, int port, Process process) {
		this.directory = directory;
		this.port = port;
		this.process = process;
	}

	/**
	 * @param serverPort the PostgreSQL it pools
	 * @param poolSize server connections per database and user
	 * @param connectQuery run on every new server connection (session settings go here), or null
	 * @param ignoredStartupParameters start-up parameters accepted and dropped (others are refused)
	 */
	static ThrowawayPgBouncer start(int serverPort, int poolSize, String connectQuery,
			String ignoredStartupParameters) {
		try {
			Path directory = Files.createTempDirectory("inkwell-pgbouncer-");
			int port = freePort();
			String database = "* = host=127.0.0.1 port=" + serverPort
					+ ((connectQuery != null) ? " connect_query='" + connectQuery + "'" : "");
			Files.writeString(directory.resolve("pgbouncer.ini"), String.join("\n", "[databases]", database, "",
					"[pgbouncer]", "listen_addr = 127.0.0.1", "listen_port = " + port, "unix_socket_dir =",
					"auth_type = trust", "auth_file = " + directory.resolve("users.txt"), "pool_mode = transaction",
					"default_pool_size = " + poolSize, "max_client_conn = 200",
					"ignore_startup_parameters = " + ignoredStartupParameters, "logfile = " + directory.resolve("pgbouncer.log"),
					"pidfile = " + directory.resolve("pgbouncer.pid"), ""));
			Files.writeString(directory.resolve("users.txt"), "\"postgres\" \"\"\n");
			if (ROOT) {
				new ProcessBuilder("chown", "-R", "postgres:postgres", directory.toString()).start().waitFor();
			}
			List<String> command = new ArrayList<>();
			if (ROOT) {
				command.addAll(List.of("runuser", "-u", "postgres", "--"));
			}
			command.addAll(List.of("pgbouncer", directory.resolve("pgbouncer.ini").toString()));
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(directory.resolve("stdout").toFile())
				.start();
			ThrowawayPgBouncer bouncer = new ThrowawayPgBouncer(directory, port, process);
			bouncer.awaitListening();
			return bouncer;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	int port() {
		return this.port;
	}

	private void awaitListening() throws IOException, InterruptedException {
		for (int i = 0; i < 100; i++) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
				return;
			}
			catch (IOException ex) {
				if (!this.process.isAlive()) {
					break;
				}
				Thread.sleep(100);
			}
		}
		throw new IllegalStateException("pgbouncer did not start:\n" + Files.readString(this.directory.resolve("stdout"))
				+ (Files.exists(this.directory.resolve("pgbouncer.log"))
						? Files.readString(this.directory.resolve("pgbouncer.log")) : ""));
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process.destroyForcibly();
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// A leftover temporary directory is not worth failing a test for.
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
