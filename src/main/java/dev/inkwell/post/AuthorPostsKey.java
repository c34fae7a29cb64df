package dev.inkwell.post;

import dev.inkwell.graphql.batch.BatchKey;
import dev.inkwell.graphql.paging.Connection;
import dev.inkwell.graphql.paging.PageRequest;

/** {@code User.posts(first, after, filter)}: one author's page of posts, with checked arguments, and whether
 * the selection reads {@code content}. */
record AuthorPostsKey(long authorId, PageRequest page, PostFilter filter, boolean content) implements BatchKey<Connection<Post>> {

}
