package dev.inkwell.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record RegisterInput(
		@NotNull @Pattern(regexp = USERNAME_PATTERN, message = USERNAME_RULE) String username,
		@NotNull @Size(max = 100, message = "must be at most 100 characters")
		@Email(regexp = EMAIL_PATTERN, message = EMAIL_RULE) String email,
		@NotNull @Size(min = 8, max = 72, message = PASSWORD_RULE) String password,
		@Size(max = 100, message = "must be at most 100 characters") String fullName) {

	public static final String USERNAME_PATTERN = "[A-Za-z0-9_.-]{3,50}";

	public static final String USERNAME_RULE = "must be 3 to 50 characters: letters, digits, '_', '.' or '-'";

	/** Stricter than bare {@code @Email}, which accepts "a@b": the domain needs a dot. */
	public static final String EMAIL_PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

	public static final String EMAIL_RULE = "must be a valid email address";

	/** BCrypt uses at most 72 bytes of a password; more would silently be ignored. */
	public static final String PASSWORD_RULE = "must be 8 to 72 characters";

}
