package dev.inkwell.auth;

import java.util.Map;

import dev.inkwell.graphql.errors.ApiException;
import dev.inkwell.graphql.errors.ErrorKind;
import dev.inkwell.user.PasswordRules;
import dev.inkwell.user.UserCredentials;
import dev.inkwell.user.UserReadStore;
import dev.inkwell.user.UserWriteStore;
import dev.inkwell.viewer.Viewer;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * The register, login and logout mutations: password hashing off the event loop, the rate limits, and
 * login's single failure message.
 */
@Controller
class AuthController {

	/** One message for every failed login, so it does not reveal which part was wrong. */
	static final String LOGIN_FAILED = "Wrong login or password";

	private final UserWriteStore users;

	private final UserReadStore reads;

	private final PasswordHashes passwords;

	private final AccessTokens tokens;

	private final LoginThrottle throttle;

	AuthController(UserWriteStore users, UserReadStore reads, PasswordHashes passwords, AccessTokens tokens,
			LoginThrottle throttle) {
		this.users = users;
		this.reads = reads;
		this.throttle = throttle;
		this.passwords = passwords;
		this.tokens = tokens;
	}

	@MutationMapping
	Mono<AuthPayload> register(@Argument @Valid RegisterInput input, @ContextValue String clientAddress) {
		PasswordRules.checkNew(input.password(), "input.password");
		return this.throttle.attempt(LoginThrottle.Action.REGISTER, clientAddress)
			.then(this.passwords.hash(input.password()))
			.flatMap((hash) -> this.users.insert(input.username(), input.email().trim(), hash, input.fullName()))
			// A new account's token version is the column's default, 0.
			.flatMap((user) -> this.tokens.issue(user.id(), 0).map((token) -> AuthPayload.of(token, user)));
	}

	@MutationMapping
	Mono<AuthPayload> login(@Argument @Valid LoginInput input, @ContextValue String clientAddress) {
		return this.throttle.attempt(LoginThrottle.Action.LOGIN, clientAddress)
			.then(this.users.findCredentials(input.login().trim()))
			.flatMap((credentials) -> this.throttle.checkAccount(credentials.id(), clientAddress)
				.thenReturn(credentials))
			.defaultIfEmpty(new UserCredentials(null, this.passwords.decoy(), false, 0))
			.publishOn(Schedulers.boundedElastic())
			.flatMap((credentials) -> {
				boolean right = this.passwords.matches(input.password(), credentials.hashedPassword());
				if (right && credentials.id() != null && credentials.isActive()) {
					return this.throttle.succeeded(credentials.id(), clientAddress)
						.then(this.reads.byId(credentials.id()))
						.flatMap((user) -> this.tokens.issue(user.id(), credentials.tokenVersion())
							.map((token) -> AuthPayload.of(token, user)));
				}
				Mono<Void> counted = (!right && credentials.id() != null) ? this.throttle.failed(credentials.id())
						: Mono.empty();
				return counted.then(Mono.error(new ApiException(ErrorKind.UNAUTHORIZED, LOGIN_FAILED, null,
						Map.of("code", "LOGIN_FAILED"))));
			});
	}

	/** Revokes every token of the signed-in user, on every device. */
	@MutationMapping
	Mono<Boolean> logout(@ContextValue Viewer viewer) {
		return this.users.revokeTokens(viewer.requireUserId()).hasElement();
	}

}
