package dev.inkwell.comment;

import dev.inkwell.viewer.Viewer;



/** A comment row with its post's author and state: what visibility and permission checks need. */
record CommentInContext(Long id, String content, Long postId, Long authorId, int version, Long postAuthorId,
		boolean postPublished) {

	/** A comment is visible exactly when its post is. */
	boolean isVisibleTo(Viewer viewer) {
		return this.postPublished || viewer.isSelfOrSuperuser(this.postAuthorId);
	}

}
