package dev.inkwell.edge.redis;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;

/**
 * A redis-server of a test's own, on a free port, keeping nothing on disk, that the test stops
 * and starts (as the database fault tests do with PostgreSQL).
 */
public final class ThrowawayRedis implements AutoCloseable {

	private final int port;

	private Process process;

	private final java.nio.file.Path dataDirectory;

	public ThrowawayRedis() {
		this(null);
	}

	/**
	 * @param dataDirectory where to keep its data across a stop and a start (an append-only file
	 * written on every command), or null to keep nothing
	 */
	public ThrowawayRedis(java.nio.file.Path dataDirectory) {
		this.dataDirectory = dataDirectory;
		try (ServerSocket socket = new ServerSocket(0)) {
			this.port = socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	public ThrowawayRedis start() {
		try {
			java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("redis-server", "--port",
					String.valueOf(this.port), "--bind", "127.0.0.1", "--save", ""));
			command.addAll((this.dataDirectory != null)
					? java.util.List.of("--appendonly", "yes", "--appendfsync", "always", "--dir", this.dataDirectory.toString())
					: java.util.List.of("--appendonly", "no"));
			this.process = new ProcessBuilder(command)
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("redis-server is needed for this test (.ci/run installs it)", ex);
		}
		await(true);
		return this;
	}

	public void stop() {
		if (this.process != null) {
			this.process.destroy();
			try {
				this.process.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.process = null;
		}
		await(false);
	}

	@Override
	public void close() {
		stop();
	}

	private void await(boolean listening) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			if (listening == listening()) {
				return;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new IllegalStateException("redis-server on port " + this.port + " did not " + (listening ? "start" : "stop"));
	}

	private boolean listening() {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
