package dev.inkwell.auth;

import dev.inkwell.graphql.ApiException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks the signed-in user's current password before a change that a stolen token alone must not
 * make (a new password, a new email). Rate-limited as a login is: per address, and per account for
 * failures, so a token cannot be used to guess the password either.
 */
@Component
public class CurrentPassword {

	private final DatabaseClient db;

	private final PasswordEncoder passwords;

	private final LoginThrottle throttle;

	CurrentPassword(DatabaseClient db, PasswordEncoder passwords, LoginThrottle throttle) {
		this.db = db;
		this.passwords = passwords;
		this.throttle = throttle;
	}

	/** Completes when {@code password} is the user's; a BAD_REQUEST naming {@code field} otherwise. */
	public Mono<Void> verify(long userId, String password, String clientAddress, String field) {
		if (password == null || password.isEmpty()) {
			return Mono.error(ApiException.badRequest(field,
					"'" + field + "' is needed to change the password or the email"));
		}
		return this.throttle.attempt(LoginThrottle.Action.LOGIN, clientAddress)
			.then(this.throttle.checkAccount(userId, clientAddress))
			.then(this.db.sql("SELECT hashed_password FROM users WHERE id = :id")
				.bind("id", userId)
				.map((row) -> row.get("hashed_password", String.class))
				.one())
			.switchIfEmpty(Mono.error(() -> ApiException.unauthorized("Your account no longer exists")))
			.publishOn(Schedulers.boundedElastic())
			.map((hash) -> PasswordRules.fitsBcrypt(password) && this.passwords.matches(password, hash))
			.flatMap((matches) -> matches ? Mono.<Void>empty()
					: this.throttle.failed(userId)
						.then(Mono.error(ApiException.badRequest(field, "'" + field + "' is not your current password"))));
	}

}
