package dev.inkwell.edge.cache;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What a cached response depends on, and what a mutation changes, as four coarse tags: one per
 * kind of data. A query depends on the tags of every type it selects fields of (and every
 * relation field's data); a mutation that answered bumps the tags of what it may have changed.
 * Coarse on purpose: the tags follow from the document alone, so they are known before the query
 * runs (which makes invalidation race-free, README "Caching"), and a mistake can only cost hits,
 * not correctness, as long as each list below errs on the side of more.
 */
enum DataTags {

	USER, POST, COMMENT, TAG;

	static final Set<DataTags> ALL = EnumSet.allOf(DataTags.class);

	/** Selecting any field of these types reads these tags. */
	private static final Map<String, Set<DataTags>> TYPES = Map.of(
			"User", EnumSet.of(USER),
			"Post", EnumSet.of(POST),
			// A comment is visible only while its post is: publishing and unpublishing change comments too.
			"Comment", EnumSet.of(COMMENT, POST),
			"Tag", EnumSet.of(TAG));

	/** Fields whose value comes from other data than their type's (relations, counts, filters). */
	private static final Map<String, Set<DataTags>> FIELDS = Map.ofEntries(
			Map.entry("Query.posts", EnumSet.of(POST, TAG, USER)),   // filter by tags and author username
			Map.entry("Query.post", EnumSet.of(POST)),
			Map.entry("Query.tags", EnumSet.of(TAG, POST)),           // ordered by post count
			Map.entry("Query.tag", EnumSet.of(TAG)),
			Map.entry("Query.users", EnumSet.of(USER)),
			Map.entry("Query.user", EnumSet.of(USER)),
			Map.entry("Query.comment", EnumSet.of(COMMENT, POST)),
			Map.entry("Post.tags", EnumSet.of(TAG)),
			Map.entry("Post.comments", EnumSet.of(COMMENT)),
			Map.entry("Post.commentCount", EnumSet.of(COMMENT)),
			Map.entry("Post.author", EnumSet.of(USER)),
			Map.entry("User.posts", EnumSet.of(POST, TAG, USER)),
			Map.entry("User.postCount", EnumSet.of(POST)),
			Map.entry("User.comments", EnumSet.of(COMMENT, POST)),
			Map.entry("Tag.posts", EnumSet.of(POST)),
			Map.entry("Tag.postCount", EnumSet.of(POST)),
			Map.entry("Comment.post", EnumSet.of(POST)),
			Map.entry("Comment.author", EnumSet.of(USER)));

	/**
	 * What each mutation may change once it answered. A mutation not listed here (a new one)
	 * changes everything, so forgetting to list it costs hits, never correctness.
	 */
	private static final Map<String, Set<DataTags>> MUTATIONS = Map.ofEntries(
			Map.entry("login", EnumSet.noneOf(DataTags.class)),
			Map.entry("register", EnumSet.of(USER)),
			Map.entry("logout", EnumSet.of(USER)),
			Map.entry("updateMe", EnumSet.of(USER)),
			Map.entry("deleteUser", ALL),                       // with the user's posts and comments
			Map.entry("createPost", EnumSet.of(POST, TAG)),     // may create tags
			Map.entry("updatePost", EnumSet.of(POST, TAG)),
			Map.entry("deletePost", EnumSet.of(POST, TAG)),     // comments hang on POST (see TYPES)
			Map.entry("publishPost", EnumSet.of(POST)),
			Map.entry("unpublishPost", EnumSet.of(POST)),
			Map.entry("addComment", EnumSet.of(COMMENT)),
			Map.entry("updateComment", EnumSet.of(COMMENT)),
			Map.entry("deleteComment", EnumSet.of(COMMENT)),
			Map.entry("createTag", EnumSet.of(TAG)),
			Map.entry("updateTag", EnumSet.of(TAG)),
			Map.entry("deleteTag", EnumSet.of(TAG, POST)));     // unlinking counts as a change of the posts

	static Set<DataTags> ofType(String typeName) {
		return TYPES.getOrDefault(typeName, Set.of());
	}

	static Set<DataTags> ofField(String typeName, String fieldName) {
		return FIELDS.getOrDefault(typeName + "." + fieldName, Set.of());
	}

	static Set<DataTags> changedBy(String mutationField) {
		return MUTATIONS.getOrDefault(mutationField, ALL);
	}

	String key() {
		return name().toLowerCase();
	}

}
