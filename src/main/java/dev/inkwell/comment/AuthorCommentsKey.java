package dev.inkwell.comment;

import dev.inkwell.graphql.batch.BatchKey;
import dev.inkwell.graphql.paging.Connection;
import dev.inkwell.graphql.paging.PageRequest;

/** {@code User.comments(first, after)}: one author's page of comments on posts the viewer may see. */
record AuthorCommentsKey(long authorId, PageRequest page) implements BatchKey<Connection<Comment>> {

}
