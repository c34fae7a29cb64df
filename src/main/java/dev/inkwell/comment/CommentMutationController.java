package dev.inkwell.comment;

import dev.inkwell.graphql.errors.ApiException;
import dev.inkwell.graphql.node.GlobalId;
import dev.inkwell.graphql.node.NodeType;
import dev.inkwell.viewer.Viewer;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * The comment mutations, with their rules: anyone signed in comments on a post they can see; only the comment's author edits it;
 * its author, the post's author or a superuser deletes it.
 */
@Controller
class CommentMutationController {

	static final String CONTENT_RULE = "must be 1 to 10,000 characters";

	private final CommentWriteStore comments;

	CommentMutationController(CommentWriteStore comments) {
		this.comments = comments;
	}

	@MutationMapping
	Mono<Comment> addComment(@Argument @Valid AddCommentInput input, @ContextValue Viewer viewer) {
		long authorId = viewer.requireUserId();
		long postId = GlobalId.decode(input.postId(), NodeType.POST, "input.postId");
		return this.comments
			.insertOnVisiblePost(postId, input.content(), authorId, viewer)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("post", input.postId())));
	}

	@MutationMapping
	Mono<Comment> updateComment(@Argument @Valid UpdateCommentInput input, @ContextValue Viewer viewer) {
		long userId = viewer.requireUserId();
		long id = GlobalId.decode(input.id(), NodeType.COMMENT, "input.id");
		int expected = input.expectedVersion();
		return visible(id, input.id(), viewer)
			.filter((comment) -> comment.authorId() == userId)
			.switchIfEmpty(Mono.error(() -> ApiException.forbidden("Only its author may edit a comment")))
			.flatMap((comment) -> (comment.version() != expected)
					? Mono.error(ApiException.staleVersion("comment", comment.version()))
					: this.comments.updateIfVersion(id, expected, input.content())
						// Someone changed it between our read and our write.
						.switchIfEmpty(Mono.defer(() -> this.comments.currentVersion(id)
							.flatMap((now) -> Mono.<Comment>error(ApiException.staleVersion("comment", now)))
							.switchIfEmpty(Mono.error(() -> ApiException.notFound("comment", input.id()))))));
	}

	@MutationMapping
	Mono<String> deleteComment(@Argument String id, @ContextValue Viewer viewer) {
		viewer.requireUserId();
		long rowId = GlobalId.decode(id, NodeType.COMMENT, "id");
		return GlobalId.deleted(NodeType.COMMENT, id, visible(rowId, id, viewer)
			.filter((comment) -> viewer.isSelfOrSuperuser(comment.authorId())
					|| viewer.isSelfOrSuperuser(comment.postAuthorId()))
			.switchIfEmpty(Mono.error(() -> ApiException
				.forbidden("Only the comment's author, the post's author or a superuser may delete a comment")))
			.flatMap((comment) -> this.comments.delete(rowId)));
	}

	/** Comments on someone else's draft are reported as not found, like the draft itself. */
	private Mono<CommentInContext> visible(long rowId, String id, Viewer viewer) {
		return this.comments.inContext(rowId)
			.filter((comment) -> comment.isVisibleTo(viewer))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("comment", id)));
	}

}
