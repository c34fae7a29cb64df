package dev.inkwell.post;

import java.time.OffsetDateTime;

import dev.inkwell.auth.Viewer;
import dev.inkwell.graphql.NodeRow;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code posts}. {@code authorId} stays out of the schema: {@code Post.author} resolves it. */
@Table("posts")
public record Post(@Id Long id, String title, String slug, String content, String excerpt, boolean published,
		OffsetDateTime publishedAt, Long authorId, int version, OffsetDateTime createdAt,
		OffsetDateTime updatedAt) implements NodeRow {

	/** SQL condition matching the posts {@code viewer} may see; binds {@code :viewerId} and {@code :superuser}. */
	public static final String VISIBLE_TO_VIEWER = "(published OR author_id = :viewerId OR :superuser)";

	/** A draft is visible only to its author and to superusers. */
	public boolean isVisibleTo(Viewer viewer) {
		return this.published || viewer.isSelfOrSuperuser(this.authorId);
	}

}
