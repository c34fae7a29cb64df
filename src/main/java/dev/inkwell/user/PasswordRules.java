package dev.inkwell.user;

import java.nio.charset.StandardCharsets;

import dev.inkwell.graphql.errors.ApiException;

/** BCrypt reads at most 72 bytes of a password; Inkwell refuses longer ones instead of cutting them. */
public final class PasswordRules {

	public static final int MAX_BYTES = 72;

	private PasswordRules() {
	}

	public static boolean fitsBcrypt(String password) {
		return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
	}

	/** A BAD_REQUEST naming {@code field} for a new password BCrypt cannot hash whole. */
	public static void checkNew(String password, String field) {
		if (password != null && !fitsBcrypt(password)) {
			throw ApiException.badRequest(field, field + " must be at most " + MAX_BYTES + " bytes in UTF-8");
		}
	}

}
