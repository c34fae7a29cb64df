package dev.inkwell.user;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.inkwell.graphql.paging.BatchLoading;
import dev.inkwell.graphql.paging.Keyed;
import dev.inkwell.graphql.paging.Keyset;
import dev.inkwell.graphql.paging.PageRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The user list, in sign-up order, keyset-paged. */
@Repository
class UserQueries {

	/** Sign-up order: the identity column grows with every registration, and is unique. */
	static final Keyset KEYSET = new Keyset("users:ID:ASC", "u.id", "bigint", "u.id", true);

	private final DatabaseClient db;

	UserQueries(DatabaseClient db) {
		this.db = db;
	}

	Flux<Keyed<User>> page(PageRequest page) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		String where = KEYSET.after(page, parameters);
		parameters.put("limit", page.limit() + 1);
		parameters.put("offset", page.offset());
		String sql = "SELECT " + User.COLUMNS + ", " + KEYSET.sortKeyColumn() + " FROM users u WHERE " + where + " ORDER BY "
				+ KEYSET.orderBy(page) + " LIMIT :limit OFFSET :offset";
		return BatchLoading.bind(this.db.sql(sql), parameters)
			.map((row) -> new Keyed<>(User.from(row),
					row.get("sort_key", String.class), 0L))
			.all();
	}

	Mono<Long> count() {
		return this.db.sql("SELECT count(*) FROM users").map((row) -> row.get(0, Long.class)).one();
	}

}
