package dev.inkwell.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.inkwell.user.PasswordRules;

/** @param login a username or an email address (at most as long as the longer of the two may be) */
public record LoginInput(
		@NotBlank(message = "must not be blank") @Size(max = 100, message = "must be at most 100 characters") String login,
		@NotBlank(message = "must not be blank") @Size(max = PasswordRules.MAX_BYTES,
				message = "must be at most 72 characters") String password) {

}
