package dev.inkwell.tag;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * @param name trimmed; checked by {@link TagNames}
 * @param color null means the default grey
 */
public record CreateTagInput(@NotNull String name,
		@Pattern(regexp = TagMutationController.COLOR_PATTERN, message = TagMutationController.COLOR_RULE) String color) {

}
