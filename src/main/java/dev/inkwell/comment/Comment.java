package dev.inkwell.comment;

import java.time.OffsetDateTime;

import dev.inkwell.graphql.NodeRow;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code comments}; visible exactly when its post is. */
@Table("comments")
public record Comment(@Id Long id, String content, Long postId, Long authorId, int version,
		OffsetDateTime createdAt, OffsetDateTime updatedAt) implements NodeRow {

}
