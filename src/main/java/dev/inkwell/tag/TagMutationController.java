package dev.inkwell.tag;

import dev.inkwell.viewer.Viewer;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class TagMutationController {

	private final TagService tags;

	TagMutationController(TagService tags) {
		this.tags = tags;
	}

	@MutationMapping
	Mono<Tag> createTag(@Argument @Valid CreateTagInput input, @ContextValue Viewer viewer) {
		return this.tags.create(input, viewer);
	}

	@MutationMapping
	Mono<Tag> updateTag(@Argument @Valid UpdateTagInput input, @ContextValue Viewer viewer) {
		return this.tags.update(input, viewer);
	}

	@MutationMapping
	Mono<String> deleteTag(@Argument String id, @ContextValue Viewer viewer) {
		return this.tags.delete(id, viewer);
	}

}
