package dev.inkwell.tag;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Null fields stay as they are. Renaming keeps the slug, so links to the tag keep working. */
public record UpdateTagInput(@NotNull String id, String name,
		@Pattern(regexp = TagService.COLOR_PATTERN, message = TagService.COLOR_RULE) String color) {

}
