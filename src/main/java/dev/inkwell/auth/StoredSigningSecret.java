package dev.inkwell.auth;

import java.security.SecureRandom;
import java.util.Base64;

import dev.inkwell.database.DatabaseMigration;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The token signing secret for servers started without JWT_SECRET: generated at random by the
 * first instance that needs it and kept in {@code server_secrets}, so every instance on the
 * database signs and verifies alike and tokens survive restarts. Never a value from the source.
 */
@Component
class StoredSigningSecret {

	static final String NAME = "jwt";

	private final DatabaseClient db;

	private final DatabaseMigration migration;

	StoredSigningSecret(DatabaseClient db, DatabaseMigration migration) {
		this.db = db;
		this.migration = migration;
	}

	/**
	 * The stored secret, created first if there is none. Until the schema is migrated this fails at
	 * once as database trouble (the request gets "The database is unavailable"), never waits.
	 */
	Mono<String> load() {
		if (!this.migration.isReady()) {
			return Mono.error(new DataAccessResourceFailureException("The database schema is not migrated yet"));
		}
		// Two statements: if another instance inserts at the same moment, the SELECT (a new
		// snapshot) still sees the winner's value.
		return Mono.defer(() -> this.db.sql("INSERT INTO server_secrets (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
				.bind("name", NAME)
				.bind("value", random())
				.then())
			.then(this.db.sql("SELECT value FROM server_secrets WHERE name = :name")
				.bind("name", NAME)
				.map((row) -> row.get("value", String.class))
				.one());
	}

	private static String random() {
		byte[] bytes = new byte[48];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

}
