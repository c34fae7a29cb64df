package dev.inkwell.auth;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * What authenticating a token needs to know of its account, read once per authenticated request.
 * A token is honoured only while its version claim equals the account's {@code token_version},
 * which logout, a new password and deactivation raise (the last two by a trigger).
 */
record TokenOwner(long id, boolean isActive, boolean isSuperuser, int tokenVersion) {

	static Mono<TokenOwner> find(DatabaseClient db, long id) {
		return db.sql("SELECT id, is_active, is_superuser, token_version FROM users WHERE id = :id")
			.bind("id", id)
			.map((row) -> new TokenOwner(row.get("id", Long.class), row.get("is_active", Boolean.class),
					row.get("is_superuser", Boolean.class), row.get("token_version", Integer.class)))
			.one();
	}

	boolean honours(AccessTokens.Claims claims) {
		return this.isActive && this.tokenVersion == claims.tokenVersion();
	}

}
