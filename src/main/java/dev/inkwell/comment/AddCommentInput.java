package dev.inkwell.comment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record AddCommentInput(@NotNull String postId,
		@NotBlank(message = "must not be blank") @Size(max = 10_000, message = CommentMutationController.CONTENT_RULE) String content) {

}
