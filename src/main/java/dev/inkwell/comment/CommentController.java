package dev.inkwell.comment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.inkwell.graphql.batch.BatchLoaders;
import dev.inkwell.graphql.node.GlobalId;
import dev.inkwell.graphql.node.NodeReader;
import dev.inkwell.graphql.node.NodeType;
import dev.inkwell.graphql.paging.Connection;
import dev.inkwell.post.Post;
import dev.inkwell.post.PostReadStore;
import dev.inkwell.user.User;
import dev.inkwell.user.UserReadStore;
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
class CommentController implements NodeReader<Comment> {

	private final CommentReadStore comments;

	private final UserReadStore users;

	private final PostReadStore posts;

	CommentController(CommentReadStore comments, UserReadStore users, PostReadStore posts,
			BatchLoaderRegistry registry) {
		this.comments = comments;
		this.users = users;
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

	@BatchMapping(typeName = "Comment")
	Mono<Map<Comment, User>> author(List<Comment> comments) {
		return this.users.authorsOf(comments, Comment::authorId);
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

	/**
	 * Runs once per post of a list, so its arguments are read as they come: Spring's binding of
	 * the {@link CommentOrder} record (reflection on every call) was 5% of the feed's CPU.
	 */
	@SchemaMapping(typeName = "Post")
	CompletableFuture<Connection<Comment>> comments(Post post, DataFetchingEnvironment environment) {
		return BatchLoaders.load(environment, CommentReadStore.postCommentsKey(post.id(),
				environment.getArgument("first"), environment.getArgument("after"),
				CommentOrder.from(environment.getArgument("orderBy"))));
	}

	@SchemaMapping(typeName = "Post")
	CompletableFuture<Long> commentCount(Post post, DataFetchingEnvironment environment) {
		return CommentReadStore.postCommentsCounter(post.id()).load(environment);
	}

	@SchemaMapping(typeName = "User")
	CompletableFuture<Connection<Comment>> comments(User user, @Argument Integer first, @Argument String after,
			DataFetchingEnvironment environment) {
		return BatchLoaders.load(environment, CommentReadStore.authorCommentsKey(user.id(), first, after));
	}

	@Override
	public Mono<Map<Long, Comment>> read(Collection<Long> rowIds, Object context) {
		return this.comments.byIds(rowIds, Viewer.from(context));
	}

}
