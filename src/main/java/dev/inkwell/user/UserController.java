package dev.inkwell.user;

import dev.inkwell.auth.Viewer;
import dev.inkwell.graphql.ApiException;
import dev.inkwell.graphql.Connection;
import dev.inkwell.graphql.GlobalId;
import dev.inkwell.graphql.NodeType;
import dev.inkwell.graphql.PageRequest;
import dev.inkwell.graphql.TotalCount;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class UserController {

	private final UserRepository users;

	private final UserQueries queries;

	UserController(UserRepository users, UserQueries queries) {
		this.users = users;
		this.queries = queries;
	}

	@QueryMapping
	Mono<User> me(@ContextValue Viewer viewer) {
		return viewer.isAuthenticated() ? this.users.findById(viewer.userId()) : Mono.empty();
	}

	@QueryMapping
	Mono<User> user(@Argument String id, @Argument String username) {
		if ((id == null) == (username == null)) {
			throw ApiException.badRequest("id", "Give exactly one of 'id' and 'username'");
		}
		return (id != null) ? this.users.findById(GlobalId.decode(id, NodeType.USER, "id"))
				: this.users.findByUsernameIgnoringCase(username);
	}

	@QueryMapping
	Mono<Connection<User>> users(@Argument Integer first, @Argument String after, @Argument Integer last,
			@Argument String before, @Argument Integer offset) {
		PageRequest page = PageRequest.of(first, after, last, before, offset, UserQueries.KEYSET);
		return this.queries.page(page)
			.collectList()
			.map((rows) -> Connection.of(rows, page, UserQueries.KEYSET,
					(environment) -> TotalCount.run(this.queries.count(), environment)));
	}

	/**
	 * An email address is shown to its owner and to superusers only. The user in the payload of
	 * register or login is the one who just proved to be its owner, though the request carried no
	 * token yet.
	 */
	@SchemaMapping(typeName = "User")
	String email(User user, @ContextValue Viewer viewer, DataFetchingEnvironment environment) {
		boolean justAuthenticated = environment.getExecutionStepInfo().getParent().getObjectType().getName()
			.equals("AuthPayload");
		return (justAuthenticated || viewer.isSelfOrSuperuser(user.id())) ? user.email() : null;
	}

}
