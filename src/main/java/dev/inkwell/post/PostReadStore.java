package dev.inkwell.post;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.inkwell.database.Sql;
import dev.inkwell.graphql.batch.BatchLoaders;
import dev.inkwell.graphql.errors.ApiException;
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
 * Reading posts as a viewer may see them: the one way anything reads posts. Every statement here
 * takes its visibility condition from {@link PostVisibility}: lookups, the filtered and ordered
 * lists, and the per-author and per-tag pages and counts (one statement for many parents, a page
 * per parent by row_number()). Every input value is a bound parameter.
 */
@Repository
public class PostReadStore {

	private static final String QUERY = "websearch_to_tsquery('english', :search)";

	/** An author's and a tag's posts: newest first. */
	private static final Keyset NEWEST_FIRST = keyset(PostOrder.DEFAULT, PostFilter.NONE);

	private final DatabaseClient db;

	PostReadStore(DatabaseClient db) {
		this.db = db;
	}

	/** The posts among {@code ids} that the viewer may see, by id; one statement. */
	public Mono<Map<Long, Post>> byIds(Collection<Long> ids, Viewer viewer) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("ids", ids.stream().distinct().toArray(Long[]::new));
		return select("p.id = ANY(:ids)", viewer, parameters).collectMap(Post::id, Function.identity());
	}

	Mono<Post> byId(long id, Viewer viewer) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("id", id);
		return select("p.id = :id", viewer, parameters).next();
	}

	Mono<Post> bySlug(String slug, Viewer viewer) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("slug", slug);
		return select("p.slug = :slug", viewer, parameters).next();
	}

	private Flux<Post> select(String condition, Viewer viewer, Map<String, Object> parameters) {
		String sql = "SELECT " + Post.COLUMNS + " FROM posts p WHERE " + condition + " AND "
				+ PostVisibility.sql("p", viewer, parameters);
		return Sql.bind(this.db.sql(sql), parameters).map(Post::from).all();
	}

	/** The ordering of a post list; RELEVANCE needs a search to rank by. */
	static Keyset keyset(PostOrder order, PostFilter filter) {
		boolean ascending = order.direction() == OrderDirection.ASC;
		String name = "posts:" + order.field() + ":" + order.direction();
		return switch (order.field()) {
			case CREATED_AT -> new Keyset(name, "p.created_at", "timestamptz", "p.id", ascending);
			// Drafts were never published: they sort as the oldest.
			case PUBLISHED_AT -> new Keyset(name, "coalesce(p.published_at, '-infinity'::timestamptz)", "timestamptz",
					"p.id", ascending);
			case TITLE -> new Keyset(name, "p.title", "text", "p.id", ascending);
			case RELEVANCE -> {
				if (filter.search() == null) {
					throw ApiException.badRequest("orderBy.field",
							"Ordering by RELEVANCE needs a search: set 'filter.search', or order by another field");
				}
				yield new Keyset(name, "ts_rank(p.search_vector, " + QUERY + ")", "real", "p.id", ascending);
			}
		};
	}

	/**
	 * The top-level {@code posts} list.
	 * @param content whether the selection reads the posts' content (else it is not read)
	 */
	Mono<Connection<Post>> list(Integer first, String after, Integer last, String before, Integer offset,
			PostFilter filter, PostOrder orderBy, boolean content, Viewer viewer) {
		PostFilter checked = PostFilter.orNone(filter).checked();
		Keyset keyset = keyset((orderBy != null) ? orderBy : PostOrder.DEFAULT, checked);
		PageRequest page = PageRequest.of(first, after, last, before, offset, keyset);
		// Resolved once for the page and, when selected, the count.
		Mono<TagIds> tagIds = tagIds(checked).cache();
		TotalCount counter = (environment) -> TotalCount.run(tagIds
			.flatMap((ids) -> count(PostScope.ALL, null, checked, ids, viewer))
			.map((counts) -> counts.getOrDefault(0L, 0L)), environment);
		return tagIds.flatMapMany((ids) -> page(PostScope.ALL, null, checked, ids, keyset, page, content,
				viewer))
			.collectList()
			.map((rows) -> Connection.of(rows, page, keyset, counter));
	}

	/** The key of one author's {@code posts} field, its arguments checked. */
	static AuthorPostsKey authorPostsKey(long authorId, Integer first, String after, PostFilter filter,
			boolean content) {
		return new AuthorPostsKey(authorId, PageRequest.forward(first, after, NEWEST_FIRST),
				PostFilter.orNone(filter).checked(), content);
	}

	Mono<Map<AuthorPostsKey, Connection<Post>>> authorPosts(Set<AuthorPostsKey> keys, Viewer viewer) {
		return BatchLoaders.perArguments(keys, AuthorPostsKey::authorId, (key) -> List.of(key.page(), key.filter(), key.content()),
				(key, authorIds) -> perParentPages(PostScope.AUTHOR, authorIds, key.filter(), key.page(), key.content(),
						viewer,
						(authorId) -> authorPostsCounter(authorId, key.filter())),
				(key) -> Connection.of(List.of(), key.page(), NEWEST_FIRST,
						authorPostsCounter(key.authorId(), key.filter())));
	}

	static TotalCount authorPostsCounter(long authorId, PostFilter filter) {
		return (environment) -> BatchLoaders.load(environment, new AuthorPostCountKey(authorId, filter));
	}

	Mono<Map<AuthorPostCountKey, Long>> authorPostCounts(Set<AuthorPostCountKey> keys, Viewer viewer) {
		return BatchLoaders.perArguments(keys, AuthorPostCountKey::authorId, (key) -> List.of(key.filter()),
				(key, authorIds) -> tagIds(key.filter())
					.flatMap((tagIds) -> count(PostScope.AUTHOR, authorIds, key.filter(), tagIds, viewer)),
				(key) -> 0L);
	}

	static TagPostsKey tagPostsKey(long tagId, Integer first, String after, boolean content) {
		return new TagPostsKey(tagId, PageRequest.forward(first, after, NEWEST_FIRST), content);
	}

	Mono<Map<TagPostsKey, Connection<Post>>> tagPosts(Set<TagPostsKey> keys, Viewer viewer) {
		return BatchLoaders.perArguments(keys, TagPostsKey::tagId, (key) -> List.of(key.page(), key.content()),
				(key, tagIds) -> perParentPages(PostScope.TAG, tagIds, PostFilter.NONE, key.page(), key.content(), viewer,
						PostReadStore::tagPostsCounter),
				(key) -> Connection.of(List.of(), key.page(), NEWEST_FIRST, tagPostsCounter(key.tagId())));
	}

	static TotalCount tagPostsCounter(long tagId) {
		return (environment) -> BatchLoaders.load(environment, new TagPostCountKey(tagId));
	}

	Mono<Map<TagPostCountKey, Long>> tagPostCounts(Set<TagPostCountKey> keys, Viewer viewer) {
		return count(PostScope.TAG, keys.stream().map(TagPostCountKey::tagId).toArray(Long[]::new), PostFilter.NONE,
				TagIds.NONE, viewer)
			.map((counts) -> BatchLoaders.byParent(keys, TagPostCountKey::tagId, counts, 0L));
	}

	/** Newest-first pages of the posts of many authors or tags, in one statement. */
	private Mono<Map<Long, Connection<Post>>> perParentPages(PostScope scope, Long[] parentIds, PostFilter filter,
			PageRequest page, boolean content, Viewer viewer, Function<Long, TotalCount> counter) {
		return tagIds(filter)
			.flatMapMany((tagIds) -> page(scope, parentIds, filter, tagIds, NEWEST_FIRST, page, content, viewer))
			.collectList()
			.map((rows) -> Connection.byParent(rows, page, NEWEST_FIRST, counter));
	}

	/**
	 * One page of posts, or for per-parent scopes one page per parent, in one statement; limit + 1
	 * rows each. {@code tagIds} are the filter's tags, resolved by {@link #tagIds}. Without
	 * {@code content}, the rows' content is null: the selection does not show it.
	 */
	private Flux<Keyed<Post>> page(PostScope scope, Long[] parentIds, PostFilter filter, TagIds tagIds, Keyset keyset,
			PageRequest page, boolean content, Viewer viewer) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		String sql = pageSql(scope, parentIds, filter, tagIds, keyset, page, content, viewer, parameters);
		return Sql.bind(this.db.sql(sql), parameters)
			.map((row) -> new Keyed<>(Post.from(row), row.get("sort_key", String.class),
					row.get("parent_id", Long.class)))
			.all();
	}

	/**
	 * Visible posts matching the filter, counted per parent in one GROUP BY statement; parents
	 * without any are left out.
	 */
	private Mono<Map<Long, Long>> count(PostScope scope, Long[] parentIds, PostFilter filter, TagIds tagIds,
			Viewer viewer) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		String sql = "SELECT " + scope.parentExpression + " AS parent_id, count(*) AS total FROM posts p" + scope.join
				+ " WHERE " + conditions(scope, parentIds, filter, tagIds, viewer, parameters) + " GROUP BY 1";
		return Sql.bind(this.db.sql(sql), parameters)
			.map((row) -> Map.entry(row.get("parent_id", Long.class), row.get("total", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/** The ids of the tags each word of a tag filter names; none without a tag filter. */
	record TagIds(Map<String, Collection<Long>> byWord) {

		static final TagIds NONE = new TagIds(Map.of());

		Long[] of(String word) {
			return this.byWord.getOrDefault(word, List.of()).toArray(Long[]::new);
		}

		Long[] all() {
			return this.byWord.values().stream().flatMap(Collection::stream).distinct().toArray(Long[]::new);
		}

	}

	/**
	 * The ids of the tags each wanted word names (by name or slug); empty without a tag filter.
	 * Resolved in a statement of its own so that PostgreSQL plans the posts statement with the
	 * real ids: its statistics know how many posts a popular tag has, not which tag a name
	 * matches. The tag page of the most used tag went from 8 ms to under 2 ms in PostgreSQL.
	 */
	private Mono<TagIds> tagIds(PostFilter filter) {
		if (filter.tags() == null) {
			return Mono.just(TagIds.NONE);
		}
		return this.db
			.sql("SELECT w.word, t.id FROM unnest(CAST(:tags AS text[])) AS w(word) "
					+ "JOIN tags t ON lower(t.name) = w.word OR t.slug = w.word")
			.bind("tags", filter.tags().toArray(String[]::new))
			.map((row) -> Map.entry(row.get("word", String.class), row.get("id", Long.class)))
			.all()
			.collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
			.map(TagIds::new);
	}

	/** The page statement, visible to the search index test that checks its plan. */
	String pageSql(PostScope scope, Long[] parentIds, PostFilter filter, TagIds tagIds, Keyset keyset,
			PageRequest page, boolean content, Viewer viewer, Map<String, Object> parameters) {
		String where = conditions(scope, parentIds, filter, tagIds, viewer, parameters);
		String columns = (content ? Post.COLUMNS : Post.COLUMNS_WITHOUT_CONTENT) + ", " + scope.parentExpression + " AS parent_id";
		if (scope == PostScope.ALL) {
			return keyset.pageSql(columns, "posts p", where, page, parameters);
		}
		where = where + " AND " + keyset.after(page, parameters);
		parameters.put("limit", page.limit() + 1);
		parameters.put("offset", page.offset());
		String select = "SELECT " + columns + ", " + keyset.sortKeyColumn();
		return "SELECT * FROM (" + select + ", row_number() OVER (PARTITION BY " + scope.parentExpression
				+ " ORDER BY " + keyset.orderBy(page) + ") AS rn FROM posts p" + scope.join + " WHERE " + where
				+ ") paged WHERE rn > :offset AND rn <= :offset + :limit ORDER BY parent_id, rn";
	}

	private static String conditions(PostScope scope, Long[] parentIds, PostFilter filter, TagIds tagIds,
			Viewer viewer, Map<String, Object> parameters) {
		List<String> conditions = new ArrayList<>(List.of(PostVisibility.sql("p", viewer, parameters)));
		if (scope != PostScope.ALL) {
			conditions.add(scope.parentExpression + " = ANY(:parentIds)");
			parameters.put("parentIds", parentIds);
		}
		addIfGiven(conditions, parameters, "p.author_id = :authorId", "authorId", filter.authorRowId());
		addIfGiven(conditions, parameters,
				"p.author_id IN (SELECT id FROM users WHERE lower(username) = lower(:authorUsername))",
				"authorUsername", filter.authorUsername());
		addIfGiven(conditions, parameters, "p.published = :published", "published", filter.published());
		// Planned with the words each time (see V5__search_planned_with_its_words.sql): how many posts
		// match decides between walking the newest posts and reading the text index.
		addIfGiven(conditions, parameters,
				"(CASE WHEN planned_with_its_words(:search) THEN p.search_vector END) @@ " + QUERY, "search",
				filter.search());
		if (filter.tags() != null) {
			String tagged = "EXISTS (SELECT 1 FROM post_tags tp WHERE tp.post_id = p.id AND tp.tag_id = ANY(:";
			if (filter.tagMatch() == TagMatch.ALL) {
				// One of the tags each word names; a word that names no tag matches no post.
				for (int i = 0; i < filter.tags().size(); i++) {
					conditions.add(tagged + "tagIds" + i + "))");
					parameters.put("tagIds" + i, tagIds.of(filter.tags().get(i)));
				}
			}
			else {
				conditions.add(tagged + "tagIds))");
				parameters.put("tagIds", tagIds.all());
			}
		}
		addIfGiven(conditions, parameters, "p.created_at > :createdAfter", "createdAfter", filter.createdAfter());
		addIfGiven(conditions, parameters, "p.created_at < :createdBefore", "createdBefore", filter.createdBefore());
		return String.join(" AND ", conditions);
	}

	/** A filter's condition and the one parameter it binds go in together, and only when it was given. */
	private static void addIfGiven(List<String> conditions, Map<String, Object> parameters, String condition,
			String name, Object value) {
		if (value != null) {
			conditions.add(condition);
			parameters.put(name, value);
		}
	}

}
