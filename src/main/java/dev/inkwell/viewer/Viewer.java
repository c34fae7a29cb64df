package dev.inkwell.viewer;

import dev.inkwell.graphql.errors.ApiException;
import graphql.GraphQLContext;

/**
 * Who is asking: set on every request by the authentication interceptor, read by controllers as
 * {@code @ContextValue Viewer viewer} and by batch loaders through {@link #from(Object)}.
 * Anonymous is its own case ({@link #ANONYMOUS}, no user id), never a made-up id that a real
 * row could carry.
 *
 * @param userId the signed-in user's row id, or null when anonymous
 */
public record Viewer(Long userId, boolean isSuperuser) {

	public static final Viewer ANONYMOUS = new Viewer(null, false);

	/** The GraphQL context key; controllers name their parameter after it. */
	public static final String CONTEXT_KEY = "viewer";

	/** The viewer of a request's GraphQL context (a {@link GraphQLContext}), as batch loaders get it. */
	public static Viewer from(Object context) {
		Viewer viewer = (context instanceof GraphQLContext graphQlContext) ? graphQlContext.get(CONTEXT_KEY) : null;
		return (viewer != null) ? viewer : ANONYMOUS;
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
