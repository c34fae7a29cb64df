package dev.inkwell.auth;

import jakarta.validation.Valid;

import dev.inkwell.viewer.Viewer;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class AuthController {

	private final AuthService auth;

	AuthController(AuthService auth) {
		this.auth = auth;
	}

	@MutationMapping
	Mono<AuthPayload> register(@Argument @Valid RegisterInput input, @ContextValue String clientAddress) {
		return this.auth.register(input, clientAddress);
	}

	@MutationMapping
	Mono<AuthPayload> login(@Argument @Valid LoginInput input, @ContextValue String clientAddress) {
		return this.auth.login(input, clientAddress);
	}

	@MutationMapping
	Mono<Boolean> logout(@ContextValue Viewer viewer) {
		return this.auth.logout(viewer);
	}

}
