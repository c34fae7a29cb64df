package dev.inkwell.database;

import java.util.Collection;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes across instances: after a mutation, the primary's WAL position is stored per
 * viewer (in the primary, so every instance sees it); that viewer's reads go to a replica only
 * once it has replayed that position. The position is read after the mutation's transactions have
 * committed, so it lies at or beyond their commit records (commits are synchronous, PostgreSQL's
 * default, so an acknowledged commit is written). Both statements run on the primary.
 */
@Component
public class ViewerWritePositions {

	private final DatabaseClient db;

	ViewerWritePositions(DatabaseClient db) {
		this.db = db;
	}

	/** The position the viewer's reads must have seen, or -1 when they never wrote. */
	Mono<Long> of(long userId) {
		return this.db.sql("SELECT (wal_position - '0/0'::pg_lsn)::bigint FROM viewer_write_positions WHERE user_id = $1")
			.bind(0, userId)
			.map((row) -> row.get(0, Long.class))
			.one()
			.defaultIfEmpty(-1L)
			.contextWrite((context) -> context.delete(ReadRoute.CONTEXT_KEY));
	}

	/** Records the primary's current position for these users (never moving one back). */
	Mono<Void> record(Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return Mono.empty();
		}
		return this.db
			.sql("INSERT INTO viewer_write_positions (user_id, wal_position) "
					+ "SELECT id, pg_current_wal_lsn() FROM unnest($1::bigint[]) AS id "
					+ "ON CONFLICT (user_id) DO UPDATE SET wal_position = "
					+ "greatest(viewer_write_positions.wal_position, excluded.wal_position), written_at = now()")
			.bind(0, userIds.toArray(Long[]::new))
			.then()
			.contextWrite((context) -> context.delete(ReadRoute.CONTEXT_KEY));
	}

}
