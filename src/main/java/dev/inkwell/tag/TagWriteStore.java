package dev.inkwell.tag;

import reactor.core.publisher.Mono;

import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.Repository;

/** The statements the tag mutations and implicit tag creation run. */
interface TagWriteStore extends Repository<Tag, Long> {

	/**
	 * Inserts the tag unless its name (in any case) or its slug is taken. Never fails on a
	 * duplicate, so it can run inside a post's transaction; a concurrent insert of the same name
	 * makes this one wait for that transaction and then insert nothing.
	 */
	@Query("""
			INSERT INTO tags (name, slug, color) VALUES (:name, :slug, :color)
			ON CONFLICT DO NOTHING
			RETURNING *""")
	Mono<Tag> insertIfAbsent(String name, String slug, String color);

	@Query("SELECT * FROM tags WHERE lower(name) = lower(:name)")
	Mono<Tag> findByNameIgnoringCase(String name);

	@Query("""
			UPDATE tags SET name = coalesce(:name, name), color = coalesce(:color, color)
			WHERE id = :id
			RETURNING *""")
	Mono<Tag> update(long id, String name, String color);

	/** A post's tag set is part of the post: losing a tag is a change its version and updated_at show. */
	@Query("""
			UPDATE posts SET version = version + 1, updated_at = now()
			WHERE id IN (SELECT post_id FROM post_tags WHERE tag_id = :tagId)""")
	Mono<Void> touchPostsTagged(long tagId);

	@Query("DELETE FROM tags WHERE id = :id RETURNING id")
	Mono<Long> delete(long id);

}
