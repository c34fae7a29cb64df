package dev.inkwell.user;

import java.util.Collection;
import java.util.Map;

import dev.inkwell.graphql.batch.BatchLoaders;
import dev.inkwell.graphql.errors.ApiException;
import dev.inkwell.graphql.node.GlobalId;
import dev.inkwell.graphql.node.NodeReader;
import dev.inkwell.graphql.node.NodeType;
import dev.inkwell.graphql.paging.Connection;
import dev.inkwell.graphql.paging.PageRequest;
import dev.inkwell.viewer.Viewer;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/** Users, read through {@link UserReadStore}; users are public, so {@code node} finds every one. */
@Controller
class UserController implements NodeReader<User> {

	private final UserReadStore users;

	UserController(UserReadStore users, BatchLoaderRegistry registry) {
		this.users = users;
		BatchLoaders.register(registry, AuthorKey.class, User.class, (keys, context) -> users.authors(keys));
	}

	@QueryMapping
	Mono<User> me(@ContextValue Viewer viewer) {
		return viewer.isAuthenticated() ? this.users.byId(viewer.userId()) : Mono.empty();
	}

	@QueryMapping
	Mono<User> user(@Argument String id, @Argument String username) {
		if ((id == null) == (username == null)) {
			throw ApiException.badRequest("id", "Give exactly one of 'id' and 'username'");
		}
		return (id != null) ? this.users.byId(GlobalId.decode(id, NodeType.USER, "id"))
				: this.users.byUsername(username);
	}

	@QueryMapping
	Mono<Connection<User>> users(@Argument Integer first, @Argument String after, @Argument Integer last,
			@Argument String before, @Argument Integer offset) {
		return this.users.list(PageRequest.of(first, after, last, before, offset, UserReadStore.KEYSET));
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

	@Override
	public Mono<Map<Long, User>> read(Collection<Long> rowIds, Object context) {
		return this.users.byIds(rowIds);
	}

}
