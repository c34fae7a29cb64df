package dev.inkwell.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Null fields stay as they are; the rules are register's.
 *
 * @param fullName an empty string removes it
 * @param bio an empty string removes it
 * @param currentPassword required with a new password or email, so that a token alone cannot take the account
 */
public record UpdateMeInput(@Pattern(regexp = AccountRules.USERNAME_PATTERN, message = AccountRules.USERNAME_RULE) String username,
		@Size(max = 100, message = "must be at most 100 characters")
		@Email(regexp = AccountRules.EMAIL_PATTERN, message = AccountRules.EMAIL_RULE) String email,
		@Size(max = 100, message = "must be at most 100 characters") String fullName,
		@Size(max = UserService.BIO_MAX_LENGTH, message = "must be at most 2,000 characters") String bio,
		@Size(min = 8, max = 72, message = AccountRules.PASSWORD_RULE) String password,
		@Size(max = 72, message = "must be at most 72 characters") String currentPassword) {

}
