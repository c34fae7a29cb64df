package dev.inkwell.post;

import dev.inkwell.graphql.PageRequest;

/**
 * The arguments of {@code User.posts} and {@code Tag.posts}: a page and a filter, and whether the
 * selection reads {@code content}; equal ones are loaded together.
 */
record PostPage(PageRequest page, PostFilter filter, boolean content) {

}
