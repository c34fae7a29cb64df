package dev.inkwell.post;

import dev.inkwell.graphql.paging.PageRequest;



/** The arguments of {@code User.posts}: a page and a filter; equal ones are loaded together. */
record PostPage(PageRequest page, PostFilter filter) {

}
