package dev.inkwell.comment;

import dev.inkwell.graphql.batch.BatchKey;

/** {@code Post.commentCount}, and the {@code totalCount} of {@code Post.comments}. */
record PostCommentCountKey(long postId) implements BatchKey<Long> {

}
