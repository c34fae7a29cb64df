package dev.inkwell.post;

import java.util.List;
import java.util.Map;

import dev.inkwell.auth.Viewer;
import dev.inkwell.graphql.ApiException;
import dev.inkwell.graphql.BatchLoading;
import dev.inkwell.graphql.Connection;
import dev.inkwell.graphql.GlobalId;
import dev.inkwell.graphql.Keyset;
import dev.inkwell.graphql.NodeType;
import dev.inkwell.graphql.PageRequest;
import dev.inkwell.graphql.ParentKey;
import dev.inkwell.graphql.TotalCount;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Reading posts as a viewer may see them: lookups, the filtered and ordered lists, and the
 * per-author and per-tag pages and counts that the batch loaders ask for.
 */
@Service
class PostReader {

	/** DataLoader names; the counts are shared by the count fields and the connections' totalCount. */
	static final String AUTHOR_POSTS = "userPosts", AUTHOR_POST_COUNT = "userPostCount", TAG_POSTS = "tagPosts",
			TAG_POST_COUNT = "tagPostCount";

	private final PostRepository posts;

	private final PostQueries queries;

	PostReader(PostRepository posts, PostQueries queries) {
		this.posts = posts;
		this.queries = queries;
	}

	Mono<Post> post(String id, String slug, Viewer viewer) {
		if ((id == null) == (slug == null)) {
			throw ApiException.badRequest("id", "Give exactly one of 'id' and 'slug'");
		}
		return (id != null)
				? this.posts.findVisibleByIds(new Long[] { GlobalId.decode(id, NodeType.POST, "id") },
						viewer.idForQueries(), viewer.isSuperuser()).next()
				: this.posts.findVisibleBySlug(slug, viewer.idForQueries(), viewer.isSuperuser());
	}

	Mono<Connection<Post>> posts(Integer first, String after, Integer last, String before, Integer offset,
			PostFilter filter, PostOrder orderBy, Viewer viewer) {
		PostFilter checked = PostFilter.orNone(filter).checked();
		Keyset keyset = PostQueries.keyset((orderBy != null) ? orderBy : PostOrder.DEFAULT, checked);
		PageRequest page = PageRequest.of(first, after, last, before, offset, keyset);
		// Resolved once for the page and, when selected, the count.
		Mono<PostQueries.TagIds> tagIds = this.queries.tagIds(checked).cache();
		TotalCount counter = (environment) -> TotalCount.run(tagIds
			.flatMap((ids) -> this.queries.count(PostScope.ALL, null, checked, ids, viewer))
			.map((counts) -> counts.getOrDefault(0L, 0L)), environment);
		return tagIds.flatMapMany((ids) -> this.queries.page(PostScope.ALL, null, checked, ids, keyset, page, viewer))
			.collectList()
			.map((rows) -> Connection.of(rows, page, keyset, counter));
	}

	/** The key of one author's {@code posts} field, checked. */
	static ParentKey<PostPage> authorPostsKey(long authorId, Integer first, String after, PostFilter filter) {
		PostFilter checked = PostFilter.orNone(filter).checked();
		return new ParentKey<>(authorId, new PostPage(PageRequest.forward(first, after, authorKeyset()), checked));
	}

	Mono<Map<Long, Connection<Post>>> authorPosts(PostPage arguments, Long[] authorIds, Viewer viewer) {
		Keyset keyset = authorKeyset();
		return this.queries.tagIds(arguments.filter())
			.flatMapMany((tagIds) -> this.queries.page(PostScope.AUTHOR, authorIds, arguments.filter(), tagIds, keyset,
					arguments.page(), viewer))
			.collectList()
			.map((rows) -> BatchLoading.connections(rows, arguments.page(), keyset,
					(authorId) -> authorPostsCounter(authorId, arguments.filter())));
	}

	static Connection<Post> noAuthorPosts(ParentKey<PostPage> key) {
		return Connection.of(List.of(), key.arguments().page(), authorKeyset(),
				authorPostsCounter(key.parentId(), key.arguments().filter()));
	}

	static TotalCount authorPostsCounter(long authorId, PostFilter filter) {
		return (environment) -> environment.<ParentKey<PostFilter>, Long>getDataLoader(AUTHOR_POST_COUNT)
			.load(new ParentKey<>(authorId, filter));
	}

	Mono<Map<Long, Long>> authorPostCounts(PostFilter filter, Long[] authorIds, Viewer viewer) {
		return this.queries.tagIds(filter)
			.flatMap((tagIds) -> this.queries.count(PostScope.AUTHOR, authorIds, filter, tagIds, viewer));
	}

	static PageRequest tagPostsPage(Integer first, String after) {
		return PageRequest.forward(first, after, tagKeyset());
	}

	Mono<Map<Long, Connection<Post>>> tagPosts(PageRequest page, Long[] tagIds, Viewer viewer) {
		Keyset keyset = tagKeyset();
		return this.queries.page(PostScope.TAG, tagIds, PostFilter.NONE, PostQueries.TagIds.NONE, keyset, page, viewer)
			.collectList()
			.map((rows) -> BatchLoading.connections(rows, page, keyset, PostReader::tagPostsCounter));
	}

	static Connection<Post> noTagPosts(ParentKey<PageRequest> key) {
		return Connection.of(List.of(), key.arguments(), tagKeyset(), tagPostsCounter(key.parentId()));
	}

	static TotalCount tagPostsCounter(long tagId) {
		return (environment) -> environment.<Long, Long>getDataLoader(TAG_POST_COUNT).load(tagId);
	}

	Mono<Map<Long, Long>> tagPostCounts(Long[] tagIds, Viewer viewer) {
		return this.queries.count(PostScope.TAG, tagIds, PostFilter.NONE, PostQueries.TagIds.NONE, viewer);
	}

	/** An author's and a tag's posts: newest first. */
	private static Keyset authorKeyset() {
		return PostQueries.keyset(PostOrder.DEFAULT, PostFilter.NONE);
	}

	private static Keyset tagKeyset() {
		return PostQueries.keyset(PostOrder.DEFAULT, PostFilter.NONE);
	}

}
