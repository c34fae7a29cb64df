package dev.inkwell.comment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.inkwell.graphql.batch.BatchField;
import dev.inkwell.graphql.batch.BatchFields;
import dev.inkwell.graphql.batch.BatchLoaders;
import dev.inkwell.graphql.node.GlobalId;
import dev.inkwell.graphql.node.NodeReader;
import dev.inkwell.graphql.node.NodeType;
import dev.inkwell.graphql.paging.Connection;
import dev.inkwell.post.Post;
import dev.inkwell.post.PostReadStore;
import dev.inkwell.user.AuthorKey;
import dev.inkwell.user.User;
import dev.inkwell.viewer.Viewer;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * Comments, and the relations between comments and the features below them (posts, users), in
 * both directions. Comments are read through {@link CommentReadStore} only; the counts are
 * loaders shared by {@code commentCount} and the connections' {@code totalCount}.
 */
@Controller
class CommentController implements NodeReader<Comment>, BatchFields {

	/**
	 * Its arguments are read as they come, not bound by Spring: graphql-java's path asks once per
	 * post of a list, and binding the {@link CommentOrder} record (reflection on every call) was 5%
	 * of the feed's CPU.
	 */
	private static final BatchField POST_COMMENTS = BatchField.keyed("Post", "comments", PostCommentsKey.class,
			(Post post, Map<String, Object> arguments) -> CommentReadStore.postCommentsKey(post.id(),
					(Integer) arguments.get("first"), (String) arguments.get("after"),
					CommentOrder.from(orderBy(arguments))));

	private static final BatchField AUTHOR = BatchField.keyed("Comment", "author", AuthorKey.class,
			(Comment comment, Map<String, Object> arguments) -> new AuthorKey(comment.authorId()));

	private static final BatchField POST_COMMENT_COUNT = BatchField.keyed("Post", "commentCount",
			PostCommentCountKey.class, (Post post, Map<String, Object> arguments) -> new PostCommentCountKey(post.id()));

	private static final BatchField USER_COMMENTS = BatchField.keyed("User", "comments", AuthorCommentsKey.class,
			(User user, Map<String, Object> arguments) -> CommentReadStore.authorCommentsKey(user.id(),
					(Integer) arguments.get("first"), (String) arguments.get("after")));

	private final CommentReadStore comments;

	private final PostReadStore posts;

	CommentController(CommentReadStore comments, PostReadStore posts, BatchLoaderRegistry registry) {
		this.comments = comments;
		this.posts = posts;
		BatchLoaders.register(registry, PostCommentsKey.class, Connection.class,
				(keys, context) -> comments.postComments(keys));
		BatchLoaders.register(registry, PostCommentCountKey.class, Long.class,
				(keys, context) -> comments.postCommentCounts(keys));
		BatchLoaders.register(registry, AuthorCommentsKey.class, Connection.class,
				(keys, context) -> comments.authorComments(keys, Viewer.from(context)));
		BatchLoaders.register(registry, AuthorCommentCountKey.class, Long.class,
				(keys, context) -> comments.authorCommentCounts(keys, Viewer.from(context)));
	}

	@QueryMapping
	Mono<Comment> comment(@Argument String id, @ContextValue Viewer viewer) {
		return this.comments.byId(GlobalId.decode(id, NodeType.COMMENT, "id"), viewer);
	}

	@SchemaMapping(typeName = "Comment")
	CompletableFuture<User> author(Comment comment, DataFetchingEnvironment environment) {
		return AUTHOR.load(environment);
	}

	/** A comment is only ever reached through a visible post, but the post is checked again all the same. */
	@BatchMapping(typeName = "Comment")
	Mono<Map<Comment, Post>> post(List<Comment> comments, @ContextValue Viewer viewer) {
		return this.posts.byIds(comments.stream().map(Comment::postId).toList(), viewer)
			.map((byId) -> comments.stream()
				.distinct()
				.filter((comment) -> byId.containsKey(comment.postId()))
				.collect(Collectors.toMap(Function.identity(), (comment) -> byId.get(comment.postId()))));
	}

	@SchemaMapping(typeName = "Post")
	CompletableFuture<Connection<Comment>> comments(Post post, DataFetchingEnvironment environment) {
		return POST_COMMENTS.load(environment);
	}

	@SchemaMapping(typeName = "Post")
	CompletableFuture<Long> commentCount(Post post, DataFetchingEnvironment environment) {
		return POST_COMMENT_COUNT.load(environment);
	}

	@SchemaMapping(typeName = "User")
	CompletableFuture<Connection<Comment>> comments(User user, DataFetchingEnvironment environment) {
		return USER_COMMENTS.load(environment);
	}

	@Override
	public List<BatchField> batchFields() {
		return List.of(POST_COMMENTS, POST_COMMENT_COUNT, USER_COMMENTS, AUTHOR,
				BatchField.batchMapping("Comment", "post"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> orderBy(Map<String, Object> arguments) {
		return (Map<String, Object>) arguments.get("orderBy");
	}

	@Override
	public Mono<Map<Long, Comment>> read(Collection<Long> rowIds, Object context) {
		return this.comments.byIds(rowIds, Viewer.from(context));
	}

}
