package dev.inkwell.auth;

import dev.inkwell.user.PasswordRules;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * How auth hashes and checks passwords, for login, sign-up and the current-password check alike.
 * BCrypt is slow on purpose: none of this may run on the event loop.
 */
@Component
class PasswordHashes {

	private final PasswordEncoder encoder;

	/** Compared against when the login names nobody, so that case takes as long as a wrong password. */
	private final String decoy;

	PasswordHashes(PasswordEncoder encoder) {
		this.encoder = encoder;
		this.decoy = encoder.encode("decoy-password-for-timing");
	}

	/** The hash to store for a new password, computed off the event loop. */
	Mono<String> hash(String password) {
		return Mono.fromCallable(() -> this.encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * Whether the password is the one hashed; one longer than BCrypt reads never is (it would match on
	 * its first 72 bytes alone). Blocks for as long as hashing: call it off the event loop.
	 */
	boolean matches(String password, String hash) {
		return PasswordRules.fitsBcrypt(password) && this.encoder.matches(password, hash);
	}

	/** A hash to check a password against when there is no account to check it against. */
	String decoy() {
		return this.decoy;
	}

}
