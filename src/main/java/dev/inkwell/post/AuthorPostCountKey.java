package dev.inkwell.post;

import dev.inkwell.graphql.batch.BatchKey;

/** {@code User.postCount}, and the {@code totalCount} of {@code User.posts(filter)}: an author's visible posts. */
record AuthorPostCountKey(long authorId, PostFilter filter) implements BatchKey<Long> {

}
