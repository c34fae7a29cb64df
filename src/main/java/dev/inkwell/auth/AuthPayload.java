package dev.inkwell.auth;

import java.time.OffsetDateTime;

import dev.inkwell.user.User;

public record AuthPayload(String token, OffsetDateTime expiresAt, User user) {

	static AuthPayload of(AccessToken token, User user) {
		return new AuthPayload(token.token(), token.expiresAt(), user);
	}

}
