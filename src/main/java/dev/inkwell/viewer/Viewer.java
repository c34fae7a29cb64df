package dev.inkwell.viewer;

import dev.inkwell.graphql.errors.ApiException;
import graphql.GraphQLContext;

/**
 * Who is asking: set on every request by {@link AuthenticationInterceptor}, read by controllers
 * as {@code @ContextValue Viewer viewer}.
 *
 * @param userId the signed-in user's row id, or null when anonymous
 */
public record Viewer(Long userId, boolean isSuperuser) {

	public static final Viewer ANONYMOUS = new Viewer(null, false);

	/** The GraphQL context key; controllers name their parameter after it. */
	public static final String CONTEXT_KEY = "viewer";

	public static Viewer from(GraphQLContext context) {
		Viewer viewer = (context != null) ? context.get(CONTEXT_KEY) : null;
		return (viewer != null) ? viewer : ANONYMOUS;
	}

	/** The user's row id for SQL parameters: 0 when anonymous, which matches no row. */
	public long idForQueries() {
		return (this.userId != null) ? this.userId : 0L;
	}

	public boolean isAuthenticated() {
		return this.userId != null;
	}

	public boolean isSelfOrSuperuser(long otherUserId) {
		return this.isSuperuser || (this.userId != null && this.userId == otherUserId);
	}

	/** The signed-in user's id, or an UNAUTHORIZED error for anonymous requests. */
	public long requireUserId() {
		if (this.userId == null) {
			throw ApiException.unauthorized("Sign in first: send 'Authorization: Bearer <token>' from login");
		}
		return this.userId;
	}

}
