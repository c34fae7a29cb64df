package dev.inkwell.post;

import java.util.List;

import dev.inkwell.graphql.input.NotBlankIfPresent;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Null fields stay as they are.
 *
 * @param excerpt an empty string removes the excerpt
 * @param tags the complete new tag set (replaces the old one); an empty list removes every tag
 * @param regenerateSlug true to make a new slug from the (new) title; otherwise the slug stays
 */
public record UpdatePostInput(@NotNull String id, @NotNull Integer expectedVersion,
		@NotBlankIfPresent @Size(max = 200, message = PostRules.TITLE) String title,
		@NotBlankIfPresent String content,
		@Size(max = 300, message = PostRules.EXCERPT) String excerpt,
		@Size(max = 10, message = PostRules.TAGS) List<@NotNull String> tags, Boolean regenerateSlug) {

}
