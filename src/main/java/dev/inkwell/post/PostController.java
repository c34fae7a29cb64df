package dev.inkwell.post;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import dev.inkwell.graphql.batch.BatchField;
import dev.inkwell.graphql.batch.BatchFields;
import dev.inkwell.graphql.batch.BatchLoaders;
import dev.inkwell.graphql.errors.ApiException;
import dev.inkwell.graphql.node.GlobalId;
import dev.inkwell.graphql.node.NodeReader;
import dev.inkwell.graphql.node.NodeType;
import dev.inkwell.graphql.paging.Connection;
import dev.inkwell.tag.Tag;
import dev.inkwell.tag.TagReadStore;
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
 * Posts, and the relations between posts and the features below them (users, tags), in both
 * directions. Posts are read through {@link PostReadStore} only; relations with arguments go
 * through the loaders registered here (one statement per distinct set of arguments), the author
 * through the users' {@link AuthorKey} loader, the tags through {@code @BatchMapping}.
 */
@Controller
class PostController implements NodeReader<Post>, BatchFields {

	private static final BatchField AUTHOR = BatchField.keyed("Post", "author", AuthorKey.class,
			(Post post, Map<String, Object> arguments) -> new AuthorKey(post.authorId()));

	private final PostReadStore posts;

	private final TagReadStore tags;

	PostController(PostReadStore posts, TagReadStore tags, BatchLoaderRegistry registry) {
		this.posts = posts;
		this.tags = tags;
		BatchLoaders.register(registry, AuthorPostsKey.class, Connection.class,
				(keys, context) -> posts.authorPosts(keys, Viewer.from(context)));
		BatchLoaders.register(registry, AuthorPostCountKey.class, Long.class,
				(keys, context) -> posts.authorPostCounts(keys, Viewer.from(context)));
		BatchLoaders.register(registry, TagPostsKey.class, Connection.class,
				(keys, context) -> posts.tagPosts(keys, Viewer.from(context)));
		BatchLoaders.register(registry, TagPostCountKey.class, Long.class,
				(keys, context) -> posts.tagPostCounts(keys, Viewer.from(context)));
	}

	@QueryMapping
	Mono<Post> post(@Argument String id, @Argument String slug, @ContextValue Viewer viewer) {
		if ((id == null) == (slug == null)) {
			throw ApiException.badRequest("id", "Give exactly one of 'id' and 'slug'");
		}
		return (id != null) ? this.posts.byId(GlobalId.decode(id, NodeType.POST, "id"), viewer)
				: this.posts.bySlug(slug, viewer);
	}

	/** The filter and order are read by hand ({@link PostFilter#from}), not bound by Spring. */
	@QueryMapping
	Mono<Connection<Post>> posts(@Argument Integer first, @Argument String after, @Argument Integer last,
			@Argument String before, @Argument Integer offset, @ContextValue Viewer viewer,
			DataFetchingEnvironment environment) {
		return this.posts.list(first, after, last, before, offset, PostFilter.from(environment.getArgument("filter")),
				PostOrder.from(environment.getArgument("orderBy")), selectsContent(environment), viewer);
	}

	@SchemaMapping(typeName = "Post")
	CompletableFuture<User> author(Post post, DataFetchingEnvironment environment) {
		return AUTHOR.load(environment);
	}

	@BatchMapping(typeName = "Post")
	Mono<Map<Post, List<Tag>>> tags(List<Post> posts) {
		return this.tags.ofPosts(posts.stream().map(Post::id).distinct().toArray(Long[]::new))
			.map((byPost) -> posts.stream()
				.distinct()
				.collect(Collectors.toMap((post) -> post,
						(post) -> List.copyOf(byPost.getOrDefault(post.id(), List.of())))));
	}

	@SchemaMapping(typeName = "User")
	CompletableFuture<Connection<Post>> posts(User user, @Argument Integer first, @Argument String after,
			DataFetchingEnvironment environment) {
		return BatchLoaders.load(environment, PostReadStore.authorPostsKey(user.id(), first, after,
				PostFilter.from(environment.getArgument("filter")), selectsContent(environment)));
	}

	@SchemaMapping(typeName = "User")
	CompletableFuture<Long> postCount(User user, DataFetchingEnvironment environment) {
		return PostReadStore.authorPostsCounter(user.id(), PostFilter.NONE).load(environment);
	}

	@SchemaMapping(typeName = "Tag")
	CompletableFuture<Connection<Post>> posts(Tag tag, @Argument Integer first, @Argument String after,
			DataFetchingEnvironment environment) {
		return BatchLoaders.load(environment,
				PostReadStore.tagPostsKey(tag.id(), first, after, selectsContent(environment)));
	}

	@SchemaMapping(typeName = "Tag")
	CompletableFuture<Long> postCount(Tag tag, DataFetchingEnvironment environment) {
		return PostReadStore.tagPostsCounter(tag.id()).load(environment);
	}

	@Override
	public List<BatchField> batchFields() {
		return List.of(AUTHOR, BatchField.batchMapping("Post", "tags"));
	}

	/** Whether a post connection's selection reads {@code content}, under any alias or fragment. */
	private static boolean selectsContent(DataFetchingEnvironment environment) {
		return environment.getSelectionSet().containsAnyOf("nodes/content", "edges/node/content");
	}

	@Override
	public Mono<Map<Long, Post>> read(Collection<Long> rowIds, Object context) {
		return this.posts.byIds(rowIds, Viewer.from(context));
	}

}
