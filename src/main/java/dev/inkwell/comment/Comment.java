package dev.inkwell.comment;

import java.time.OffsetDateTime;
import java.util.Objects;

import dev.inkwell.graphql.node.NodeRow;
import io.r2dbc.spi.Readable;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code comments}; visible exactly when its post is. */
@Table("comments")
public record Comment(@Id Long id, String content, Long postId, Long authorId, int version,
		OffsetDateTime createdAt, OffsetDateTime updatedAt) implements NodeRow {

	/** The columns a Comment is read from, for a table aliased {@code c}. */
	public static final String COLUMNS = "c.id, c.content, c.post_id, c.author_id, c.version, c.created_at, c.updated_at";

	/** Reads a row selected with {@link #COLUMNS}. */
	public static Comment from(Readable row) {
		return new Comment(row.get("id", Long.class), row.get("content", String.class), row.get("post_id", Long.class),
				row.get("author_id", Long.class), row.get("version", Integer.class),
				row.get("created_at", OffsetDateTime.class), row.get("updated_at", OffsetDateTime.class));
	}

	/**
	 * The id alone: rows are keys of batch loads, and the default would hash all their text
	 * (its content) for every lookup. Equal rows still have equal hashes.
	 */
	@Override
	public int hashCode() {
		return Objects.hashCode(this.id);
	}

}
