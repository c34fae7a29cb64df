package dev.inkwell.comment;

import dev.inkwell.graphql.batch.BatchKey;
import dev.inkwell.graphql.paging.Connection;
import dev.inkwell.graphql.paging.PageRequest;

/** {@code Post.comments(first, after, orderBy)}: one post's page of comments. */
record PostCommentsKey(long postId, PageRequest page, CommentOrder order) implements BatchKey<Connection<Comment>> {

}
