package dev.inkwell.tag;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Null fields stay as they are. Renaming keeps the slug, so links to the tag keep working. */
public record UpdateTagInput(@NotNull String id, String name,
		@Pattern(regexp = TagMutationController.COLOR_PATTERN, message = TagMutationController.COLOR_RULE) String color) {

}
