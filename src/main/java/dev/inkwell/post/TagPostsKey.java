package dev.inkwell.post;

import dev.inkwell.graphql.batch.BatchKey;
import dev.inkwell.graphql.paging.Connection;
import dev.inkwell.graphql.paging.PageRequest;

/** {@code Tag.posts(first, after)}: one tag's page of posts, and whether the selection
 * reads {@code content}. */
record TagPostsKey(long tagId, PageRequest page, boolean content) implements BatchKey<Connection<Post>> {

}
