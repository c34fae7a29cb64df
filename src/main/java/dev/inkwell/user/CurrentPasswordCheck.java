package dev.inkwell.user;

import reactor.core.publisher.Mono;

/**
 * Checks the signed-in user's current password before a change that a stolen token alone must not
 * make (a new password, a new email). Implemented in auth (rate-limited as a login is), which sits
 * above user, so user does not depend on it.
 */
public interface CurrentPasswordCheck {

	/** Completes when {@code password} is the user's; a BAD_REQUEST naming {@code field} otherwise. */
	Mono<Void> verify(long userId, String password, String clientAddress, String field);

}
