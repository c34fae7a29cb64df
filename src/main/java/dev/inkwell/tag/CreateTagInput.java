package dev.inkwell.tag;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * @param name trimmed; checked by {@link TagNames}
 * @param color null means the default grey
 */
public record CreateTagInput(@NotNull String name,
		@Pattern(regexp = TagService.COLOR_PATTERN, message = TagService.COLOR_RULE) String color) {

}
