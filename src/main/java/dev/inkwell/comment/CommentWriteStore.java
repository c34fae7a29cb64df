package dev.inkwell.comment;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.inkwell.database.Sql;
import dev.inkwell.viewer.PostVisibility;
import dev.inkwell.viewer.Viewer;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The statements the comment mutations run. Its read of a comment comes with what
 * {@link CommentMutationController}'s checks need to know about the post. Versions and updated_at are left
 * to the table's trigger.
 */
@Repository
class CommentWriteStore {

	private static final String RETURNING = " RETURNING id, content, post_id, author_id, version, created_at, updated_at";

	private final DatabaseClient db;

	CommentWriteStore(DatabaseClient db) {
		this.db = db;
	}

	/** A comment with what permission checks need to know about its post. */
	Mono<CommentInContext> inContext(long id) {
		return this.db.sql("""
				SELECT c.id, c.author_id, c.version, p.author_id AS post_author_id, p.published AS post_published
				FROM comments c JOIN posts p ON p.id = c.post_id
				WHERE c.id = :id""")
			.bind("id", id)
			.map((row) -> new CommentInContext(row.get("id", Long.class), row.get("author_id", Long.class),
					row.get("version", Integer.class), row.get("post_author_id", Long.class),
					row.get("post_published", Boolean.class)))
			.one();
	}

	/** Inserts nothing when the post is gone or is a draft the viewer may not see. */
	Mono<Comment> insertOnVisiblePost(long postId, String content, long authorId, Viewer viewer) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("postId", postId);
		parameters.put("content", content);
		parameters.put("authorId", authorId);
		String sql = "INSERT INTO comments (content, post_id, author_id) SELECT :content, p.id, :authorId FROM posts p"
				+ " WHERE p.id = :postId AND " + PostVisibility.sql("p", viewer, parameters) + RETURNING;
		return Sql.bind(this.db.sql(sql), parameters).map(Comment::from).one();
	}

	Mono<Comment> updateIfVersion(long id, int expectedVersion, String content) {
		return this.db.sql("UPDATE comments SET content = :content WHERE id = :id AND version = :expectedVersion"
				+ RETURNING)
			.bind("id", id)
			.bind("expectedVersion", expectedVersion)
			.bind("content", content)
			.map(Comment::from)
			.one();
	}

	Mono<Integer> currentVersion(long id) {
		return this.db.sql("SELECT version FROM comments WHERE id = :id")
			.bind("id", id)
			.map((row) -> row.get(0, Integer.class))
			.one();
	}

	Mono<Long> delete(long id) {
		return this.db.sql("DELETE FROM comments WHERE id = :id RETURNING id")
			.bind("id", id)
			.map((row) -> row.get(0, Long.class))
			.one();
	}

}
