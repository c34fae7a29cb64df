package dev.inkwell.tag;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.inkwell.auth.Viewer;
import dev.inkwell.graphql.ApiException;
import dev.inkwell.graphql.Connection;
import dev.inkwell.graphql.GlobalId;
import dev.inkwell.graphql.Keyset;
import dev.inkwell.graphql.NodeType;
import dev.inkwell.graphql.PageRequest;
import dev.inkwell.graphql.TotalCount;
import dev.inkwell.post.Post;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class TagController {

	private final TagRepository tags;

	private final TagQueries queries;

	TagController(TagRepository tags, TagQueries queries) {
		this.tags = tags;
		this.queries = queries;
	}

	@QueryMapping
	Mono<Tag> tag(@Argument String id, @Argument String slug) {
		if ((id == null) == (slug == null)) {
			throw ApiException.badRequest("id", "Give exactly one of 'id' and 'slug'");
		}
		return (id != null) ? this.tags.findById(GlobalId.decode(id, NodeType.TAG, "id")) : this.tags.findBySlug(slug);
	}

	@QueryMapping
	Mono<Connection<Tag>> tags(@Argument Integer first, @Argument String after, @Argument Integer offset,
			@Argument TagOrder orderBy, @ContextValue Viewer viewer) {
		Keyset keyset = TagQueries.keyset((orderBy != null) ? orderBy : TagOrder.DEFAULT);
		PageRequest page = PageRequest.of(first, after, null, null, offset, keyset);
		TotalCount counter = (environment) -> TotalCount.run(this.queries.count(), environment);
		return this.queries.page(keyset, page, viewer)
			.collectList()
			.map((rows) -> Connection.of(rows, page, keyset, counter));
	}

	@BatchMapping(typeName = "Post")
	Mono<Map<Post, List<Tag>>> tags(List<Post> posts) {
		return this.queries.ofPosts(posts.stream().map(Post::id).distinct().toArray(Long[]::new))
			.collectMultimap(PostTag::postId, PostTag::tag)
			.map((byPost) -> posts.stream()
				.distinct()
				.collect(Collectors.toMap((post) -> post,
						(post) -> List.copyOf(byPost.getOrDefault(post.id(), List.of())))));
	}

}
