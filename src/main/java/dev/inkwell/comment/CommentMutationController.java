package dev.inkwell.comment;

import dev.inkwell.viewer.Viewer;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class CommentMutationController {

	private final CommentService comments;

	CommentMutationController(CommentService comments) {
		this.comments = comments;
	}

	@MutationMapping
	Mono<Comment> addComment(@Argument @Valid AddCommentInput input, @ContextValue Viewer viewer) {
		return this.comments.add(input, viewer);
	}

	@MutationMapping
	Mono<Comment> updateComment(@Argument @Valid UpdateCommentInput input, @ContextValue Viewer viewer) {
		return this.comments.update(input, viewer);
	}

	@MutationMapping
	Mono<String> deleteComment(@Argument String id, @ContextValue Viewer viewer) {
		return this.comments.delete(id, viewer);
	}

}
