package dev.inkwell.post;

import dev.inkwell.graphql.batch.BatchKey;

/** {@code Tag.postCount}, and the {@code totalCount} of {@code Tag.posts}: a tag's visible posts. */
record TagPostCountKey(long tagId) implements BatchKey<Long> {

}
