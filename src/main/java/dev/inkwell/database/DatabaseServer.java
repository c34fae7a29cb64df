package dev.inkwell.database;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database Inkwell uses, and the embedded PostgreSQL behind it if Inkwell had to start one
 * (closing this stops it).
 */
public record DatabaseServer(DatabaseTarget target, EmbeddedPostgres embedded) implements AutoCloseable {

	public boolean isEmbedded() {
		return this.embedded != null;
	}

	@Override
	public void close() {
		if (this.embedded != null) {
			try {
				this.embedded.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}
