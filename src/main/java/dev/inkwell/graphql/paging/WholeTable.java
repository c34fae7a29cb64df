package dev.inkwell.graphql.paging;

import java.util.Map;
import java.util.function.Function;

import dev.inkwell.database.Sql;
import dev.inkwell.graphql.node.NodeRow;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A top-level list of every row of a table (users, tags: everyone may see them all). A page is one
 * statement; its {@code totalCount}, only when selected, counts the table.
 *
 * @param table the table's name
 * @param alias the table's alias in the page statement, which the keysets' expressions use
 * @param columns the select list
 * @param from reads one row
 */
public record WholeTable<T extends NodeRow>(String table, String alias, String columns,
		Function<? super Readable, T> from) {

	/** @param parameters holds what the keyset's expressions bind already; the page adds its own */
	public Mono<Connection<T>> page(DatabaseClient db, PageRequest page, Keyset keyset, Map<String, Object> parameters) {
		String sql = keyset.pageSql(this.columns, this.table + " " + this.alias, "true", page, parameters);
		return Sql.bind(db.sql(sql), parameters)
			.map((row) -> new Keyed<>(this.from.apply(row), row.get("sort_key", String.class), 0L))
			.all()
			.collectList()
			.map((rows) -> Connection.of(rows, page, keyset, (environment) -> TotalCount.run(count(db), environment)));
	}

	private Mono<Long> count(DatabaseClient db) {
		return db.sql("SELECT count(*) FROM " + this.table).map((row) -> row.get(0, Long.class)).one();
	}

}
