package dev.inkwell.auth;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.inkwell.graphql.ApiException;
import dev.inkwell.graphql.ErrorKind;
import dev.inkwell.user.UserCredentials;
import dev.inkwell.user.UserRepository;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Registration and login: password hashing off the event loop, and login's single failure message. */
@Service
class AuthService {

	/** One message for every failed login, so it does not reveal which part was wrong. */
	static final String LOGIN_FAILED = "Wrong login or password";

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final AccessTokens tokens;

	private final LoginThrottle throttle;

	/** Compared against when the login names nobody, so that case takes as long as a wrong password. */
	private final String decoyHash;

	AuthService(UserRepository users, PasswordEncoder passwords, AccessTokens tokens, LoginThrottle throttle) {
		this.users = users;
		this.throttle = throttle;
		this.passwords = passwords;
		this.tokens = tokens;
		this.decoyHash = passwords.encode("decoy-password-for-timing");
	}

	Mono<AuthPayload> register(RegisterInput input) {
		if (input.password().getBytes(StandardCharsets.UTF_8).length > 72) {
			throw ApiException.badRequest("input.password", "input.password must be at most 72 bytes in UTF-8");
		}
		return Mono.fromCallable(() -> this.passwords.encode(input.password()))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((hash) -> this.users.insert(input.username(), input.email().trim(), hash, input.fullName()))
			.map((user) -> AuthPayload.of(this.tokens.issue(user.id()), user));
	}

	Mono<AuthPayload> login(LoginInput input, String clientAddress) {
		return this.throttle.attempt(input.login(), clientAddress)
			.then(this.users.findCredentials(input.login().trim()))
			.defaultIfEmpty(new UserCredentials(null, this.decoyHash, false))
			.publishOn(Schedulers.boundedElastic())
			.filter((credentials) -> this.passwords.matches(input.password(), credentials.hashedPassword())
					&& credentials.id() != null && credentials.isActive())
			.switchIfEmpty(Mono.error(() -> new ApiException(ErrorKind.UNAUTHORIZED, LOGIN_FAILED, null,
					Map.of("code", "LOGIN_FAILED"))))
			.flatMap((credentials) -> this.users.findById(credentials.id()))
			.map((user) -> AuthPayload.of(this.tokens.issue(user.id()), user));
	}

}
