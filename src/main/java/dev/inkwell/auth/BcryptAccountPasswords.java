package dev.inkwell.auth;

import dev.inkwell.graphql.errors.ApiException;
import dev.inkwell.user.AccountPasswords;
import dev.inkwell.user.UserCredentials;
import dev.inkwell.user.UserWriteStore;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

/**
 * Checks the signed-in user's current password before a change that a stolen token alone must not
 * make (a new password, a new email), and hashes the new one. The check is rate-limited as a login
 * is: per address, and per account for failures, so a token cannot be used to guess the password
 * either.
 */
@Component
class BcryptAccountPasswords implements AccountPasswords {

	private final UserWriteStore users;

	private final PasswordHashes passwords;

	private final LoginThrottle throttle;

	BcryptAccountPasswords(UserWriteStore users, PasswordHashes passwords, LoginThrottle throttle) {
		this.users = users;
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Mono<Void> verifyCurrent(long userId, String password, String clientAddress, String field) {
		if (password == null || password.isEmpty()) {
			return Mono.error(ApiException.badRequest(field,
					"'" + field + "' is needed to change the password or the email"));
		}
		return this.throttle.attempt(LoginThrottle.Action.LOGIN, clientAddress)
			.then(this.throttle.checkAccount(userId, clientAddress))
			.then(this.users.credentialsOf(userId))
			.map(UserCredentials::hashedPassword)
			.switchIfEmpty(Mono.error(() -> ApiException.unauthorized("Your account no longer exists")))
			.publishOn(Schedulers.boundedElastic())
			.map((hash) -> this.passwords.matches(password, hash))
			.flatMap((matches) -> matches ? Mono.<Void>empty()
					: this.throttle.failed(userId)
						.then(Mono.error(ApiException.badRequest(field, "'" + field + "' is not your current password"))));
	}

	@Override
	public Mono<String> hash(String password) {
		return this.passwords.hash(password);
	}

}
