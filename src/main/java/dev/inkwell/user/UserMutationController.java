package dev.inkwell.user;

import dev.inkwell.viewer.Viewer;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class UserMutationController {

	private final UserService users;

	UserMutationController(UserService users) {
		this.users = users;
	}

	@MutationMapping
	Mono<User> updateMe(@Argument @Valid UpdateMeInput input, @ContextValue Viewer viewer,
			@ContextValue String clientAddress) {
		return this.users.updateMe(input, viewer, clientAddress);
	}

	@MutationMapping
	Mono<String> deleteUser(@Argument String id, @ContextValue Viewer viewer) {
		return this.users.delete(id, viewer);
	}

}
