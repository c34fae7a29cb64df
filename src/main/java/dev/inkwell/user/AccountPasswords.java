package dev.inkwell.user;

import reactor.core.publisher.Mono;

/**
 * What changing an account needs of passwords: checking the current one, hashing a new one.
 * Implemented in auth (which owns hashing and the login rate limits) and sits above user, so user
 * does not depend on it.
 */
public interface AccountPasswords {

	/**
	 * Completes when {@code password} is the user's; a BAD_REQUEST naming {@code field} otherwise.
	 * A stolen token alone must not change the password or the email, nor be used to guess the
	 * password: the check is rate-limited as a login is.
	 */
	Mono<Void> verifyCurrent(long userId, String password, String clientAddress, String field);

	/** The hash to store for a new password, computed off the event loop (bcrypt is slow on purpose). */
	Mono<String> hash(String password);

}
