package dev.inkwell.post;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.inkwell.auth.Viewer;
import dev.inkwell.graphql.BatchLoading;
import dev.inkwell.graphql.Connection;
import dev.inkwell.graphql.ParentKey;
import dev.inkwell.tag.Tag;
import dev.inkwell.user.User;
import dev.inkwell.user.UsersById;
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
 * Posts and every relation that leads to posts. Relations with arguments go through the
 * DataLoaders registered here (one statement per distinct set of arguments), the others
 * through {@code @BatchMapping}.
 */
@Controller
class PostController {

	private final PostReader reader;

	private final UsersById users;

	PostController(PostReader reader, UsersById users, BatchLoaderRegistry registry) {
		this.reader = reader;
		this.users = users;
		registry.<ParentKey<PostPage>, Connection<Post>>forName(PostReader.AUTHOR_POSTS)
			.registerMappedBatchLoader((keys, environment) -> BatchLoading.byArguments(keys,
					(arguments, ids) -> reader.authorPosts(arguments, ids, viewer(environment.getContext())),
					PostReader::noAuthorPosts));
		registry.<ParentKey<PostFilter>, Long>forName(PostReader.AUTHOR_POST_COUNT)
			.registerMappedBatchLoader((keys, environment) -> BatchLoading.byArguments(keys,
					(filter, ids) -> reader.authorPostCounts(filter, ids, viewer(environment.getContext())),
					(key) -> 0L));
		registry.<ParentKey<PostPage>, Connection<Post>>forName(PostReader.TAG_POSTS)
			.registerMappedBatchLoader((keys, environment) -> BatchLoading.byArguments(keys,
					(page, ids) -> reader.tagPosts(page, ids, viewer(environment.getContext())),
					PostReader::noTagPosts));
		registry.<Long, Long>forName(PostReader.TAG_POST_COUNT)
			.registerMappedBatchLoader((ids, environment) -> reader
				.tagPostCounts(ids.toArray(Long[]::new), viewer(environment.getContext()))
				.map((counts) -> BatchLoading.withDefaults(ids, counts, 0L)));
	}

	@QueryMapping
	Mono<Post> post(@Argument String id, @Argument String slug, @ContextValue Viewer viewer) {
		return this.reader.post(id, slug, viewer);
	}

	@QueryMapping
	Mono<Connection<Post>> posts(@Argument Integer first, @Argument String after, @Argument Integer last,
			@Argument String before, @Argument Integer offset, @Argument PostFilter filter,
			@Argument PostOrder orderBy, @ContextValue Viewer viewer, DataFetchingEnvironment environment) {
		return this.reader.posts(first, after, last, before, offset, filter, orderBy, selectsContent(environment),
				viewer);
	}

	@BatchMapping(typeName = "Post")
	Mono<Map<Post, User>> author(List<Post> posts) {
		return this.users.authorsOf(posts, Post::authorId);
	}

	@SchemaMapping(typeName = "User")
	CompletableFuture<Connection<Post>> posts(User user, @Argument Integer first, @Argument String after,
			@Argument PostFilter filter, DataFetchingEnvironment environment) {
		return environment.<ParentKey<PostPage>, Connection<Post>>getDataLoader(PostReader.AUTHOR_POSTS)
			.load(PostReader.authorPostsKey(user.id(), first, after, filter, selectsContent(environment)));
	}

	@SchemaMapping(typeName = "User")
	CompletableFuture<Long> postCount(User user, DataFetchingEnvironment environment) {
		return PostReader.authorPostsCounter(user.id(), PostFilter.NONE).load(environment);
	}

	@SchemaMapping(typeName = "Tag")
	CompletableFuture<Connection<Post>> posts(Tag tag, @Argument Integer first, @Argument String after,
			DataFetchingEnvironment environment) {
		return environment.<ParentKey<PostPage>, Connection<Post>>getDataLoader(PostReader.TAG_POSTS)
			.load(new ParentKey<>(tag.id(), PostReader.tagPostsPage(first, after, selectsContent(environment))));
	}

	@SchemaMapping(typeName = "Tag")
	CompletableFuture<Long> postCount(Tag tag, DataFetchingEnvironment environment) {
		return PostReader.tagPostsCounter(tag.id()).load(environment);
	}

	/** Whether a post connection's selection reads {@code content}, under any alias or fragment. */
	private static boolean selectsContent(DataFetchingEnvironment environment) {
		return environment.getSelectionSet().containsAnyOf("nodes/content", "edges/node/content");
	}

	private static Viewer viewer(Object context) {
		return Viewer.from((GraphQLContext) context);
	}

}
