package dev.inkwell.comment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** @param expectedVersion the version the client last saw; a stale one is a CONFLICT */
public record UpdateCommentInput(@NotNull String id, @NotNull Integer expectedVersion,
		@NotBlank(message = "must not be blank") @Size(max = 10_000, message = CommentMutationController.CONTENT_RULE) String content) {

}
