package dev.inkwell.post;

import dev.inkwell.viewer.Viewer;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class PostMutationController {

	private final PostService posts;

	PostMutationController(PostService posts) {
		this.posts = posts;
	}

	@MutationMapping
	Mono<Post> createPost(@Argument @Valid CreatePostInput input, @ContextValue Viewer viewer) {
		return this.posts.create(input, viewer);
	}

	@MutationMapping
	Mono<Post> updatePost(@Argument @Valid UpdatePostInput input, @ContextValue Viewer viewer) {
		return this.posts.update(input, viewer);
	}

	@MutationMapping
	Mono<String> deletePost(@Argument String id, @ContextValue Viewer viewer) {
		return this.posts.delete(id, viewer);
	}

	@MutationMapping
	Mono<Post> publishPost(@Argument String id, @ContextValue Viewer viewer) {
		return this.posts.publish(id, viewer);
	}

	@MutationMapping
	Mono<Post> unpublishPost(@Argument String id, @ContextValue Viewer viewer) {
		return this.posts.unpublish(id, viewer);
	}

}
