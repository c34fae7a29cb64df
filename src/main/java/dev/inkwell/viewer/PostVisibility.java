package dev.inkwell.viewer;

import java.util.Map;

/**
 * The one rule of who sees a post: a published post is public, a draft is seen by its author and
 * by superusers. A comment is visible exactly when its post is. Every statement that reads posts,
 * or comments through their post, takes its condition from {@link #sql}, and every check in Java
 * calls {@link #allows}; nothing else writes the rule.
 */
public final class PostVisibility {

	private PostVisibility() {
	}

	/**
	 * The SQL condition on the {@code posts} row aliased {@code alias} for this viewer, adding the
	 * parameters it binds. Written per kind of viewer: for anonymous viewers it is a plain
	 * {@code published}, so that the public feed is a range of the (published, created_at, id)
	 * index rather than an OR the planner cannot use; superusers see everything.
	 */
	public static String sql(String alias, Viewer viewer, Map<String, Object> parameters) {
		if (!viewer.isAuthenticated()) {
			return alias + ".published";
		}
		if (viewer.isSuperuser()) {
			return "true";
		}
		parameters.put("viewerId", viewer.userId());
		return "(" + alias + ".published OR " + alias + ".author_id = :viewerId)";
	}

	/** The same rule for a post already read: whether it is published and who wrote it. */
	public static boolean allows(Viewer viewer, boolean published, long authorId) {
		return published || viewer.isSelfOrSuperuser(authorId);
	}

}
