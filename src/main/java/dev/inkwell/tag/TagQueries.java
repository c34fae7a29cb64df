package dev.inkwell.tag;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.inkwell.graphql.paging.BatchLoading;
import dev.inkwell.graphql.paging.Keyed;
import dev.inkwell.graphql.paging.Keyset;
import dev.inkwell.graphql.paging.OrderDirection;
import dev.inkwell.graphql.paging.PageRequest;
import dev.inkwell.viewer.Viewer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The tag list: by name or by the number of posts the viewer can see, keyset-paged. */
@Repository
class TagQueries {

	/** Posts of the tag that the viewer may see; binds :viewerId and :superuser. */
	private static final String VISIBLE_POST_COUNT = "(SELECT count(*) FROM post_tags pt JOIN posts p ON p.id = pt.post_id"
			+ " WHERE pt.tag_id = t.id AND (p.published OR p.author_id = :viewerId OR :superuser))";

	private final DatabaseClient db;

	TagQueries(DatabaseClient db) {
		this.db = db;
	}

	/** The tags of many posts in one statement, each with the post it belongs to, by name. */
	Flux<PostTag> ofPosts(Long[] postIds) {
		return this.db.sql("SELECT pt.post_id, " + Tag.COLUMNS + " FROM post_tags pt JOIN tags t ON t.id = pt.tag_id"
				+ " WHERE pt.post_id = ANY(:postIds) ORDER BY lower(t.name)")
			.bind("postIds", postIds)
			.map((row) -> new PostTag(row.get("post_id", Long.class), Tag.from(row)))
			.all();
	}

	static Keyset keyset(TagOrder order) {
		boolean ascending = order.direction() == OrderDirection.ASC;
		String name = "tags:" + order.field() + ":" + order.direction();
		return switch (order.field()) {
			case NAME -> new Keyset(name, "lower(t.name)", "text", "t.id", ascending);
			case POST_COUNT -> new Keyset(name, VISIBLE_POST_COUNT, "bigint", "t.id", ascending);
		};
	}

	Flux<Keyed<Tag>> page(Keyset keyset, PageRequest page, Viewer viewer) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		if (keyset.sortExpression().equals(VISIBLE_POST_COUNT)) {
			parameters.put("viewerId", viewer.idForQueries());
			parameters.put("superuser", viewer.isSuperuser());
		}
		String where = keyset.after(page, parameters);
		parameters.put("limit", page.limit() + 1);
		parameters.put("offset", page.offset());
		String sql = "SELECT " + Tag.COLUMNS + ", " + keyset.sortKeyColumn() + " FROM tags t WHERE " + where + " ORDER BY "
				+ keyset.orderBy(page) + " LIMIT :limit OFFSET :offset";
		return BatchLoading.bind(this.db.sql(sql), parameters)
			.map((row) -> new Keyed<>(Tag.from(row),
					row.get("sort_key", String.class), 0L))
			.all();
	}

	Mono<Long> count() {
		return this.db.sql("SELECT count(*) FROM tags").map((row) -> row.get(0, Long.class)).one();
	}

}
