package dev.inkwell.comment;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.inkwell.graphql.node.GlobalId;
import dev.inkwell.graphql.node.NodeType;
import dev.inkwell.graphql.paging.BatchLoading;
import dev.inkwell.graphql.paging.Connection;
import dev.inkwell.graphql.paging.PageRequest;
import dev.inkwell.graphql.paging.ParentKey;
import dev.inkwell.post.Post;
import dev.inkwell.post.PostRepository;
import dev.inkwell.user.User;
import dev.inkwell.user.UsersById;
import dev.inkwell.viewer.Viewer;
import graphql.GraphQLContext;
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
 * Comments and every relation that leads to comments. Counts are DataLoaders shared by
 * {@code commentCount} and the connections' {@code totalCount}.
 */
@Controller
class CommentController {

	private final CommentReader reader;

	private final UsersById users;

	private final PostRepository posts;

	CommentController(CommentReader reader, UsersById users, PostRepository posts, BatchLoaderRegistry registry) {
		this.reader = reader;
		this.users = users;
		this.posts = posts;
		registry.<ParentKey<CommentPage>, Connection<Comment>>forName(CommentReader.POST_COMMENTS)
			.registerMappedBatchLoader((keys, environment) -> BatchLoading.byArguments(keys, reader::postComments,
					CommentReader::noPostComments));
		registry.<Long, Long>forName(CommentReader.POST_COMMENT_COUNT)
			.registerMappedBatchLoader((ids, environment) -> reader.postCommentCounts(ids));
		registry.<ParentKey<PageRequest>, Connection<Comment>>forName(CommentReader.AUTHOR_COMMENTS)
			.registerMappedBatchLoader((keys, environment) -> BatchLoading.byArguments(keys,
					(page, ids) -> reader.authorComments(page, ids, viewer(environment.getContext())),
					CommentReader::noAuthorComments));
		registry.<Long, Long>forName(CommentReader.AUTHOR_COMMENT_COUNT)
			.registerMappedBatchLoader(
					(ids, environment) -> reader.authorCommentCounts(ids, viewer(environment.getContext())));
	}

	@QueryMapping
	Mono<Comment> comment(@Argument String id, @ContextValue Viewer viewer) {
		return this.reader.comment(GlobalId.decode(id, NodeType.COMMENT, "id"), viewer);
	}

	@BatchMapping(typeName = "Comment")
	Mono<Map<Comment, User>> author(List<Comment> comments) {
		return this.users.authorsOf(comments, Comment::authorId);
	}

	/** A comment is only ever reached through a visible post, but the post is checked again all the same. */
	@BatchMapping(typeName = "Comment")
	Mono<Map<Comment, Post>> post(List<Comment> comments, GraphQLContext context) {
		Viewer viewer = Viewer.from(context);
		return this.posts
			.findVisibleByIds(comments.stream().map(Comment::postId).distinct().toArray(Long[]::new),
					viewer.idForQueries(), viewer.isSuperuser())
			.collectMap(Post::id, Function.identity())
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
		return environment.<ParentKey<CommentPage>, Connection<Comment>>getDataLoader(CommentReader.POST_COMMENTS)
			.load(CommentReader.postCommentsKey(post.id(), environment.getArgument("first"),
					environment.getArgument("after"), CommentOrder.from(environment.getArgument("orderBy"))));
	}

	@SchemaMapping(typeName = "Post")
	CompletableFuture<Long> commentCount(Post post, DataFetchingEnvironment environment) {
		return CommentReader.postCommentsCounter(post.id()).load(environment);
	}

	@SchemaMapping(typeName = "User")
	CompletableFuture<Connection<Comment>> comments(User user, @Argument Integer first, @Argument String after,
			DataFetchingEnvironment environment) {
		return environment.<ParentKey<PageRequest>, Connection<Comment>>getDataLoader(CommentReader.AUTHOR_COMMENTS)
			.load(CommentReader.authorCommentsKey(user.id(), first, after));
	}

	private static Viewer viewer(Object context) {
		return Viewer.from((GraphQLContext) context);
	}

}
