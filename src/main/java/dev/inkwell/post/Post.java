package dev.inkwell.post;

import java.time.OffsetDateTime;
import java.util.Objects;

import dev.inkwell.graphql.node.NodeRow;
import dev.inkwell.viewer.PostVisibility;
import dev.inkwell.viewer.Viewer;
import io.r2dbc.spi.Readable;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code posts}. {@code authorId} stays out of the schema: {@code Post.author} resolves it. */
@Table("posts")
public record Post(@Id Long id, String title, String slug, String content, String excerpt, boolean published,
		OffsetDateTime publishedAt, Long authorId, int version, OffsetDateTime createdAt,
		OffsetDateTime updatedAt) implements NodeRow {

	/**
	 * The columns a Post is read from, for a table aliased {@code p}: named, so that the large
	 * generated {@code search_vector} never travels.
	 */
	public static final String COLUMNS = "p.id, p.title, p.slug, p.content, p.excerpt, p.published, p.published_at, "
			+ "p.author_id, p.version, p.created_at, p.updated_at";

	/** {@link #COLUMNS} for a list whose selection has no {@code content}: the largest column stays behind. */
	public static final String COLUMNS_WITHOUT_CONTENT = COLUMNS.replace("p.content", "NULL::text AS content");

	/** Reads a row selected with {@link #COLUMNS}; by hand, as the hottest path of every list. */
	public static Post from(Readable row) {
		return new Post(row.get("id", Long.class), row.get("title", String.class), row.get("slug", String.class),
				row.get("content", String.class), row.get("excerpt", String.class),
				row.get("published", Boolean.class), row.get("published_at", OffsetDateTime.class),
				row.get("author_id", Long.class), row.get("version", Integer.class),
				row.get("created_at", OffsetDateTime.class), row.get("updated_at", OffsetDateTime.class));
	}

	/** {@link PostVisibility}'s rule for this post. */
	public boolean isVisibleTo(Viewer viewer) {
		return PostVisibility.allows(viewer, this.published, this.authorId);
	}

	/**
	 * The id alone: rows are keys of batch loads, and the default would hash all their text
	 * (a post's content) for every lookup. Equal rows still have equal hashes.
	 */
	@Override
	public int hashCode() {
		return Objects.hashCode(this.id);
	}

}
