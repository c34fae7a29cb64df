package dev.inkwell.auth;

import dev.inkwell.user.AccountRules;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The account rules are {@link AccountRules}, shared with updateMe. */
public record RegisterInput(
		@NotNull @Pattern(regexp = AccountRules.USERNAME_PATTERN, message = AccountRules.USERNAME_RULE) String username,
		@NotNull @Size(max = 100, message = "must be at most 100 characters")
		@Email(regexp = AccountRules.EMAIL_PATTERN, message = AccountRules.EMAIL_RULE) String email,
		@NotNull @Size(min = 8, max = 72, message = AccountRules.PASSWORD_RULE) String password,
		@Size(max = 100, message = "must be at most 100 characters") String fullName) {

}
