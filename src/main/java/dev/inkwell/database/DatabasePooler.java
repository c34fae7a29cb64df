package dev.inkwell.database;

import java.util.Locale;

/** What sits between Inkwell and PostgreSQL (DB_POOLER). */
enum DatabasePooler {

	/** Inkwell talks to PostgreSQL itself. */
	NONE,

	/** PgBouncer (or any pooler) in transaction mode: no session state survives a transaction. */
	PGBOUNCER;

	static DatabasePooler parse(String value) {
		if (value == null || value.isBlank()) {
			return NONE;
		}
		try {
			return valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("DB_POOLER must be 'none' or 'pgbouncer' (found '" + value + "')");
		}
	}

}
