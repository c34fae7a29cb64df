package dev.inkwell.post;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * @param tags tag names, created on first use; checked further by {@link dev.inkwell.tag.TagNames}
 * @param published null means false: a new post is a draft unless asked otherwise
 */
public record CreatePostInput(
		@NotBlank(message = "must not be blank") @Size(max = 200, message = PostRules.TITLE) String title,
		@NotBlank(message = "must not be blank") String content,
		@Size(max = 300, message = PostRules.EXCERPT) String excerpt,
		@Size(max = 10, message = PostRules.TAGS) List<@NotNull String> tags, Boolean published) {

}
