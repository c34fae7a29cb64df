package dev.inkwell.post;

/** Which posts a statement reads, and what it groups them by for per-parent pages and counts. */
enum PostScope {

	/** All posts (top-level lists); one group. */
	ALL("0::bigint", ""),
	/** The posts of given authors ({@code User.posts}). */
	AUTHOR("p.author_id", ""),
	/** The posts carrying given tags ({@code Tag.posts}). */
	TAG("pt.tag_id", " JOIN post_tags pt ON pt.post_id = p.id");

	final String parentExpression;

	final String join;

	PostScope(String parentExpression, String join) {
		this.parentExpression = parentExpression;
		this.join = join;
	}

}
