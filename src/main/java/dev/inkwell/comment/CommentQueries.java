package dev.inkwell.comment;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.inkwell.graphql.paging.BatchLoading;
import dev.inkwell.graphql.paging.Keyed;
import dev.inkwell.graphql.paging.Keyset;
import dev.inkwell.graphql.paging.OrderDirection;
import dev.inkwell.graphql.paging.PageRequest;
import dev.inkwell.post.Post;
import dev.inkwell.viewer.Viewer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Pages and counts of comments for many posts or many authors at once: one statement each,
 * a page per parent by row_number() over the parent.
 */
@Repository
class CommentQueries {

	/** Comments on posts the viewer may see; binds :viewerId and :superuser. */
	private static final String ON_VISIBLE_POST = "EXISTS (SELECT 1 FROM posts WHERE posts.id = c.post_id AND "
			+ Post.VISIBLE_TO_VIEWER + ")";

	private final DatabaseClient db;

	CommentQueries(DatabaseClient db) {
		this.db = db;
	}

	static Keyset keyset(String list, CommentOrder order) {
		return new Keyset(list + ":" + order.field() + ":" + order.direction(), "c.created_at", "timestamptz", "c.id",
				order.direction() == OrderDirection.ASC);
	}

	/** Per-post pages; the posts are visible already (they were read for this viewer). */
	Flux<Keyed<Comment>> pagesByPost(Long[] postIds, Keyset keyset, PageRequest page) {
		return pages("c.post_id", "true", postIds, keyset, page, new LinkedHashMap<>());
	}

	/** Per-author pages, of comments on posts the viewer may see. */
	Flux<Keyed<Comment>> pagesByAuthor(Long[] authorIds, Keyset keyset, PageRequest page, Viewer viewer) {
		return pages("c.author_id", ON_VISIBLE_POST, authorIds, keyset, page, viewerParameters(viewer));
	}

	Mono<Map<Long, Long>> countByPost(Long[] postIds) {
		return count("c.post_id", "true", postIds, new LinkedHashMap<>());
	}

	Mono<Map<Long, Long>> countByAuthor(Long[] authorIds, Viewer viewer) {
		return count("c.author_id", ON_VISIBLE_POST, authorIds, viewerParameters(viewer));
	}

	private Flux<Keyed<Comment>> pages(String parent, String condition, Long[] parentIds, Keyset keyset,
			PageRequest page, Map<String, Object> parameters) {
		parameters.put("parentIds", parentIds);
		String after = keyset.after(page, parameters);
		parameters.put("limit", page.limit() + 1);
		String sql = "SELECT * FROM (SELECT " + Comment.COLUMNS + ", " + keyset.sortKeyColumn() + ", " + parent
				+ " AS parent_id, row_number() OVER (PARTITION BY " + parent + " ORDER BY " + keyset.orderBy(page)
				+ ") AS rn FROM comments c WHERE " + parent + " = ANY(:parentIds) AND " + condition + " AND " + after
				+ ") paged WHERE rn <= :limit ORDER BY parent_id, rn";
		return BatchLoading.bind(this.db.sql(sql), parameters)
			.map((row) -> new Keyed<>(Comment.from(row),
					row.get("sort_key", String.class), row.get("parent_id", Long.class)))
			.all();
	}

	private Mono<Map<Long, Long>> count(String parent, String condition, Long[] parentIds,
			Map<String, Object> parameters) {
		parameters.put("parentIds", parentIds);
		String sql = "SELECT " + parent + " AS parent_id, count(*) AS total FROM comments c WHERE " + parent
				+ " = ANY(:parentIds) AND " + condition + " GROUP BY 1";
		return BatchLoading.bind(this.db.sql(sql), parameters)
			.map((row) -> Map.entry(row.get("parent_id", Long.class), row.get("total", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	private static Map<String, Object> viewerParameters(Viewer viewer) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("viewerId", viewer.idForQueries());
		parameters.put("superuser", viewer.isSuperuser());
		return parameters;
	}

}
