package dev.inkwell.comment;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.inkwell.database.Sql;
import dev.inkwell.graphql.batch.BatchLoaders;
import dev.inkwell.graphql.paging.Connection;
import dev.inkwell.graphql.paging.Keyed;
import dev.inkwell.graphql.paging.Keyset;
import dev.inkwell.graphql.paging.OrderDirection;
import dev.inkwell.graphql.paging.PageRequest;
import dev.inkwell.graphql.paging.TotalCount;
import dev.inkwell.viewer.PostVisibility;
import dev.inkwell.viewer.Viewer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Reading comments as a viewer may see them: the one way anything reads comments. A comment is
 * visible exactly when its post is ({@link PostVisibility}). Pages and counts for many posts or
 * many authors are one statement each, a page per parent by row_number() over the parent.
 */
@Repository
class CommentReadStore {

	/** An author's comments: newest first. */
	private static final Keyset AUTHOR_KEYSET = keyset("userComments",
			new CommentOrder(CommentOrderField.CREATED_AT, OrderDirection.DESC));

	/** Comments of a post that was read for this viewer already: nothing more to check. */
	private static final String ON_POST_READ_ALREADY = "true";

	private final DatabaseClient db;

	CommentReadStore(DatabaseClient db) {
		this.db = db;
	}

	/** The comments among {@code ids} on posts the viewer may see, by id; one statement. */
	Mono<Map<Long, Comment>> byIds(Collection<Long> ids, Viewer viewer) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("ids", ids.stream().distinct().toArray(Long[]::new));
		String sql = "SELECT " + Comment.COLUMNS + " FROM comments c WHERE c.id = ANY(:ids) AND "
				+ onVisiblePost(viewer, parameters);
		return Sql.bind(this.db.sql(sql), parameters)
			.map(Comment::from)
			.all()
			.collectMap(Comment::id, Function.identity());
	}

	Mono<Comment> byId(long id, Viewer viewer) {
		return byIds(List.of(id), viewer).mapNotNull((byId) -> byId.get(id));
	}

	private static String onVisiblePost(Viewer viewer, Map<String, Object> parameters) {
		return "EXISTS (SELECT 1 FROM posts p WHERE p.id = c.post_id AND " + PostVisibility.sql("p", viewer, parameters)
				+ ")";
	}

	static Keyset keyset(String list, CommentOrder order) {
		return new Keyset(list + ":" + order.field() + ":" + order.direction(), "c.created_at", "timestamptz", "c.id",
				order.direction() == OrderDirection.ASC);
	}

	static PostCommentsKey postCommentsKey(long postId, Integer first, String after, CommentOrder orderBy) {
		CommentOrder order = (orderBy != null) ? orderBy : CommentOrder.DEFAULT;
		return new PostCommentsKey(postId, PageRequest.forward(first, after, keyset("comments", order)), order);
	}

	/** Per-post pages; the posts were read for this viewer, so they are visible already. */
	Mono<Map<PostCommentsKey, Connection<Comment>>> postComments(Set<PostCommentsKey> keys) {
		return BatchLoaders.perArguments(keys, PostCommentsKey::postId, (key) -> List.of(key.page(), key.order()),
				(key, postIds) -> pages("c.post_id", ON_POST_READ_ALREADY, postIds, keyset("comments", key.order()),
						key.page(), new LinkedHashMap<>(), CommentReadStore::postCommentsCounter),
				(key) -> Connection.of(List.of(), key.page(), keyset("comments", key.order()),
						postCommentsCounter(key.postId())));
	}

	static TotalCount postCommentsCounter(long postId) {
		return (environment) -> BatchLoaders.load(environment, new PostCommentCountKey(postId));
	}

	Mono<Map<PostCommentCountKey, Long>> postCommentCounts(Set<PostCommentCountKey> keys) {
		return count("c.post_id", ON_POST_READ_ALREADY, keys.stream().map(PostCommentCountKey::postId),
				new LinkedHashMap<>())
			.map((counts) -> BatchLoaders.byParent(keys, PostCommentCountKey::postId, counts, 0L));
	}

	static AuthorCommentsKey authorCommentsKey(long authorId, Integer first, String after) {
		return new AuthorCommentsKey(authorId, PageRequest.forward(first, after, AUTHOR_KEYSET));
	}

	/** Per-author pages, of comments on posts the viewer may see. */
	Mono<Map<AuthorCommentsKey, Connection<Comment>>> authorComments(Set<AuthorCommentsKey> keys, Viewer viewer) {
		return BatchLoaders.perArguments(keys, AuthorCommentsKey::authorId, (key) -> List.of(key.page()),
				(key, authorIds) -> {
					Map<String, Object> parameters = new LinkedHashMap<>();
					return pages("c.author_id", onVisiblePost(viewer, parameters), authorIds, AUTHOR_KEYSET, key.page(),
							parameters, CommentReadStore::authorCommentsCounter);
				},
				(key) -> Connection.of(List.of(), key.page(), AUTHOR_KEYSET, authorCommentsCounter(key.authorId())));
	}

	static TotalCount authorCommentsCounter(long authorId) {
		return (environment) -> BatchLoaders.load(environment, new AuthorCommentCountKey(authorId));
	}

	Mono<Map<AuthorCommentCountKey, Long>> authorCommentCounts(Set<AuthorCommentCountKey> keys, Viewer viewer) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		return count("c.author_id", onVisiblePost(viewer, parameters), keys.stream().map(AuthorCommentCountKey::authorId),
				parameters)
			.map((counts) -> BatchLoaders.byParent(keys, AuthorCommentCountKey::authorId, counts, 0L));
	}

	private Mono<Map<Long, Connection<Comment>>> pages(String parent, String condition, Long[] parentIds,
			Keyset keyset, PageRequest page, Map<String, Object> parameters, Function<Long, TotalCount> counter) {
		parameters.put("parentIds", parentIds);
		String after = keyset.after(page, parameters);
		parameters.put("limit", page.limit() + 1);
		String sql = "SELECT * FROM (SELECT " + Comment.COLUMNS + ", " + keyset.sortKeyColumn() + ", " + parent
				+ " AS parent_id, row_number() OVER (PARTITION BY " + parent + " ORDER BY " + keyset.orderBy(page)
				+ ") AS rn FROM comments c WHERE " + parent + " = ANY(:parentIds) AND " + condition + " AND " + after
				+ ") paged WHERE rn <= :limit ORDER BY parent_id, rn";
		Flux<Keyed<Comment>> rows = Sql.bind(this.db.sql(sql), parameters)
			.map((row) -> new Keyed<>(Comment.from(row), row.get("sort_key", String.class),
					row.get("parent_id", Long.class)))
			.all();
		return rows.collectList().map((all) -> Connection.byParent(all, page, keyset, counter));
	}

	private Mono<Map<Long, Long>> count(String parent, String condition, Stream<Long> parentIds,
			Map<String, Object> parameters) {
		parameters.put("parentIds", parentIds.toArray(Long[]::new));
		String sql = "SELECT " + parent + " AS parent_id, count(*) AS total FROM comments c WHERE " + parent
				+ " = ANY(:parentIds) AND " + condition + " GROUP BY 1";
		return Sql.bind(this.db.sql(sql), parameters)
			.map((row) -> Map.entry(row.get("parent_id", Long.class), row.get("total", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

}
