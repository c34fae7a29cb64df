package dev.inkwell.comment;

import dev.inkwell.viewer.PostVisibility;
import dev.inkwell.viewer.Viewer;

/** A comment's id, author and version with its post's author and state: what the checks of a change need. */
record CommentInContext(Long id, Long authorId, int version, Long postAuthorId, boolean postPublished) {

	/** A comment is visible exactly when its post is. */
	boolean isVisibleTo(Viewer viewer) {
		return PostVisibility.allows(viewer, this.postPublished, this.postAuthorId);
	}

}
