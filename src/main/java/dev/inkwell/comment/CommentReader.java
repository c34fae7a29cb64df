package dev.inkwell.comment;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.inkwell.graphql.paging.BatchLoading;
import dev.inkwell.graphql.paging.Connection;
import dev.inkwell.graphql.paging.Keyset;
import dev.inkwell.graphql.paging.OrderDirection;
import dev.inkwell.graphql.paging.PageRequest;
import dev.inkwell.graphql.paging.ParentKey;
import dev.inkwell.graphql.paging.TotalCount;
import dev.inkwell.viewer.Viewer;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** Reading comments as a viewer may see them: only those on posts the viewer can see. */
@Service
class CommentReader {

	/** DataLoader names; the counts are shared by {@code commentCount} and the connections' totalCount. */
	static final String POST_COMMENTS = "postComments", POST_COMMENT_COUNT = "postCommentCount",
			AUTHOR_COMMENTS = "userComments", AUTHOR_COMMENT_COUNT = "userCommentCount";

	/** An author's comments: newest first. */
	private static final Keyset AUTHOR_KEYSET = CommentQueries.keyset("userComments",
			new CommentOrder(CommentOrderField.CREATED_AT, OrderDirection.DESC));

	private final CommentRepository comments;

	private final CommentQueries queries;

	CommentReader(CommentRepository comments, CommentQueries queries) {
		this.comments = comments;
		this.queries = queries;
	}

	Mono<Comment> comment(long id, Viewer viewer) {
		return this.comments.findVisibleByIds(new Long[] { id }, viewer.idForQueries(), viewer.isSuperuser()).next();
	}

	static ParentKey<CommentPage> postCommentsKey(long postId, Integer first, String after, CommentOrder orderBy) {
		CommentOrder order = (orderBy != null) ? orderBy : CommentOrder.DEFAULT;
		return new ParentKey<>(postId,
				new CommentPage(PageRequest.forward(first, after, CommentPage.keyset(order)), order));
	}

	Mono<Map<Long, Connection<Comment>>> postComments(CommentPage arguments, Long[] postIds) {
		Keyset keyset = arguments.keyset();
		return this.queries.pagesByPost(postIds, keyset, arguments.page())
			.collectList()
			.map((rows) -> BatchLoading.connections(rows, arguments.page(), keyset,
					CommentReader::postCommentsCounter));
	}

	static Connection<Comment> noPostComments(ParentKey<CommentPage> key) {
		return Connection.of(List.of(), key.arguments().page(), key.arguments().keyset(),
				postCommentsCounter(key.parentId()));
	}

	static TotalCount postCommentsCounter(long postId) {
		return (environment) -> environment.<Long, Long>getDataLoader(POST_COMMENT_COUNT).load(postId);
	}

	Mono<Map<Long, Long>> postCommentCounts(Set<Long> postIds) {
		return this.queries.countByPost(postIds.toArray(Long[]::new))
			.map((counts) -> BatchLoading.withDefaults(postIds, counts, 0L));
	}

	static ParentKey<PageRequest> authorCommentsKey(long authorId, Integer first, String after) {
		return new ParentKey<>(authorId, PageRequest.forward(first, after, AUTHOR_KEYSET));
	}

	Mono<Map<Long, Connection<Comment>>> authorComments(PageRequest page, Long[] authorIds, Viewer viewer) {
		return this.queries.pagesByAuthor(authorIds, AUTHOR_KEYSET, page, viewer)
			.collectList()
			.map((rows) -> BatchLoading.connections(rows, page, AUTHOR_KEYSET, CommentReader::authorCommentsCounter));
	}

	static Connection<Comment> noAuthorComments(ParentKey<PageRequest> key) {
		return Connection.of(List.of(), key.arguments(), AUTHOR_KEYSET, authorCommentsCounter(key.parentId()));
	}

	static TotalCount authorCommentsCounter(long authorId) {
		return (environment) -> environment.<Long, Long>getDataLoader(AUTHOR_COMMENT_COUNT).load(authorId);
	}

	Mono<Map<Long, Long>> authorCommentCounts(Set<Long> authorIds, Viewer viewer) {
		return this.queries.countByAuthor(authorIds.toArray(Long[]::new), viewer)
			.map((counts) -> BatchLoading.withDefaults(authorIds, counts, 0L));
	}

}
