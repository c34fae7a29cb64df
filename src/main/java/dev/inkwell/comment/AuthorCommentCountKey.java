package dev.inkwell.comment;

import dev.inkwell.graphql.batch.BatchKey;

/** The {@code totalCount} of {@code User.comments}: an author's comments on posts the viewer may see. */
record AuthorCommentCountKey(long authorId) implements BatchKey<Long> {

}
