package dev.inkwell.tag;

import java.time.OffsetDateTime;

/** A tag read for a post ({@code Post.tags}): the tag's columns plus the post's id. */
record PostTag(Long postId, Long id, String name, String slug, String color, OffsetDateTime createdAt) {

	Tag tag() {
		return new Tag(this.id, this.name, this.slug, this.color, this.createdAt);
	}

}
