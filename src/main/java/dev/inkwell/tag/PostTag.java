package dev.inkwell.tag;

/** A tag read for a post ({@code Post.tags}), with the id of the post it belongs to. */
record PostTag(Long postId, Tag tag) {

}
