package dev.inkwell.auth;

import jakarta.validation.constraints.NotBlank;

/** @param login a username or an email address */
public record LoginInput(@NotBlank(message = "must not be blank") String login,
		@NotBlank(message = "must not be blank") String password) {

}
