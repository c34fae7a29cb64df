package dev.inkwell.comment;

import dev.inkwell.graphql.paging.Keyset;
import dev.inkwell.graphql.paging.PageRequest;



/** The arguments of {@code Post.comments}; equal ones are loaded together. */
record CommentPage(PageRequest page, CommentOrder order) {

	Keyset keyset() {
		return keyset(this.order);
	}

	static Keyset keyset(CommentOrder order) {
		return CommentQueries.keyset("comments", order);
	}

}
