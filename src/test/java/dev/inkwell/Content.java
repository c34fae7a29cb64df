package dev.inkwell;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;

import org.springframework.r2dbc.core.DatabaseClient;

/** Writes content straight into the tables, for read tests (with chosen timestamps where needed). */
public final class Content {

	private final DatabaseClient db;

	public Content(DatabaseClient db) {
		this.db = db;
	}

	public long user(String username) {
		return this.db.sql("INSERT INTO users (username, email, hashed_password) VALUES (:u, :e, 'x') RETURNING id")
			.bind("u", username)
			.bind("e", username + "@example.com")
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	public long post(long authorId, String title, boolean published) {
		return post(authorId, title, "Some content about " + title, published, OffsetDateTime.now());
	}

	public long post(long authorId, String title, String content, boolean published, OffsetDateTime createdAt) {
		return this.db.sql("""
				INSERT INTO posts (title, slug, content, published, published_at, author_id, created_at, updated_at)
				VALUES (:title, :slug, :content, :published, CASE WHEN :published THEN :createdAt END, :author, :createdAt, :createdAt)
				RETURNING id""")
			.bind("title", title)
			.bind("slug", title.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + System.nanoTime())
			.bind("content", content)
			.bind("published", published)
			.bind("author", authorId)
			.bind("createdAt", createdAt)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	public long tag(String name) {
		return this.db.sql("INSERT INTO tags (name, slug) VALUES (:name, lower(:name)) RETURNING id")
			.bind("name", name)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	public void tagPost(long postId, long... tagIds) {
		for (long tagId : tagIds) {
			this.db.sql("INSERT INTO post_tags (post_id, tag_id) VALUES (:p, :t)").bind("p", postId).bind("t", tagId)
				.then().block();
		}
	}

	public long comment(long postId, long authorId, String text) {
		return comment(postId, authorId, text, OffsetDateTime.now());
	}

	public long comment(long postId, long authorId, String text, OffsetDateTime createdAt) {
		return this.db.sql("""
				INSERT INTO comments (content, post_id, author_id, created_at, updated_at)
				VALUES (:c, :p, :a, :t, :t) RETURNING id""")
			.bind("c", text).bind("p", postId).bind("a", authorId).bind("t", createdAt)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	public static String id(String type, long rowId) {
		return Base64.getUrlEncoder().withoutPadding()
			.encodeToString((type + ":" + rowId).getBytes(StandardCharsets.UTF_8));
	}

	public static long rowId(String globalId) {
		String raw = new String(Base64.getUrlDecoder().decode(globalId), StandardCharsets.UTF_8);
		return Long.parseLong(raw.substring(raw.indexOf(':') + 1));
	}

}
