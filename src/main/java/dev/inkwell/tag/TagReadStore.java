package dev.inkwell.tag;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import dev.inkwell.graphql.paging.Connection;
import dev.inkwell.graphql.paging.Keyset;
import dev.inkwell.graphql.paging.OrderDirection;
import dev.inkwell.graphql.paging.PageRequest;
import dev.inkwell.graphql.paging.WholeTable;
import dev.inkwell.viewer.PostVisibility;
import dev.inkwell.viewer.Viewer;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Reading tags: the one way anything reads them. Tags are public; only their post counts depend
 * on the viewer, who counts only the posts {@link PostVisibility} lets them see.
 */
@Repository
public class TagReadStore {

	private static final String SELECT = "SELECT " + Tag.COLUMNS + " FROM tags t";

	private static final WholeTable<Tag> TABLE = new WholeTable<>("tags", "t", Tag.COLUMNS, Tag::from);

	private final DatabaseClient db;

	TagReadStore(DatabaseClient db) {
		this.db = db;
	}

	Mono<Tag> byId(long id) {
		return this.db.sql(SELECT + " WHERE t.id = :id").bind("id", id).map(Tag::from).one();
	}

	Mono<Tag> bySlug(String slug) {
		return this.db.sql(SELECT + " WHERE t.slug = lower(:slug)").bind("slug", slug).map(Tag::from).one();
	}

	Mono<Map<Long, Tag>> byIds(Collection<Long> ids) {
		return this.db.sql(SELECT + " WHERE t.id = ANY(:ids)")
			.bind("ids", ids.stream().distinct().toArray(Long[]::new))
			.map(Tag::from)
			.all()
			.collectMap(Tag::id, Function.identity());
	}

	/** The tags of many posts in one statement, by name, per post id; posts without tags are left out. */
	public Mono<Map<Long, Collection<Tag>>> ofPosts(Long[] postIds) {
		return this.db.sql("SELECT pt.post_id, " + Tag.COLUMNS + " FROM post_tags pt JOIN tags t ON t.id = pt.tag_id"
				+ " WHERE pt.post_id = ANY(:postIds) ORDER BY lower(t.name)")
			.bind("postIds", postIds)
			.map((row) -> Map.entry(row.get("post_id", Long.class), Tag.from(row)))
			.all()
			.collectMultimap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/** The ordering of the tag list; by POST_COUNT it counts the posts this viewer may see. */
	static Keyset keyset(TagOrder order, Viewer viewer, Map<String, Object> parameters) {
		boolean ascending = order.direction() == OrderDirection.ASC;
		String name = "tags:" + order.field() + ":" + order.direction();
		return switch (order.field()) {
			case NAME -> new Keyset(name, "lower(t.name)", "text", "t.id", ascending);
			case POST_COUNT -> new Keyset(name, "(SELECT count(*) FROM post_tags pt JOIN posts p ON p.id = pt.post_id"
					+ " WHERE pt.tag_id = t.id AND " + PostVisibility.sql("p", viewer, parameters) + ")", "bigint",
					"t.id", ascending);
		};
	}

	/** The tag list; {@code totalCount} counts all tags. */
	Mono<Connection<Tag>> list(Integer first, String after, Integer offset, TagOrder order, Viewer viewer) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		Keyset keyset = keyset(order, viewer, parameters);
		return TABLE.page(this.db, PageRequest.of(first, after, null, null, offset, keyset), keyset, parameters);
	}

}
