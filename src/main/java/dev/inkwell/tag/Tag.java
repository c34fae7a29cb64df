package dev.inkwell.tag;

import java.time.OffsetDateTime;

import dev.inkwell.graphql.node.NodeRow;
import io.r2dbc.spi.Readable;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code tags}. */
@Table("tags")
public record Tag(@Id Long id, String name, String slug, String color, OffsetDateTime createdAt) implements NodeRow {

	/** The columns a Tag is read from, for a table aliased {@code t}. */
	public static final String COLUMNS = "t.id, t.name, t.slug, t.color, t.created_at";

	/** Reads a row selected with {@link #COLUMNS}. */
	public static Tag from(Readable row) {
		return new Tag(row.get("id", Long.class), row.get("name", String.class), row.get("slug", String.class),
				row.get("color", String.class), row.get("created_at", OffsetDateTime.class));
	}

}
