package dev.inkwell.user;

import dev.inkwell.graphql.batch.BatchKey;

/**
 * {@code Post.author} and {@code Comment.author}: one loader for both, so that where a request
 * reads both on one level (the planned engine), their authors are one statement.
 */
public record AuthorKey(long userId) implements BatchKey<User> {

}
